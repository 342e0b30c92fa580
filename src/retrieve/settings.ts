// The retrieval knobs, read from Config (defaults chosen on the dev questions; see README "Evaluation").
import { configSchema, type Config } from '../config.ts';

export interface RetrievalSettings {
  rrfK: number;
  denseWeight: number;
  lexicalWeight: number;
  candidates: number;
  coverageWeight: number;
  notFoundThreshold: number;
  entityMinCoverage: number;
  relatedDocMin: number;
  passagesPerDoc: number;
}

/** Without a config, the defaults of the config schema (the one place they are written). */
export function settingsFrom(config: Config = configSchema.parse({})): RetrievalSettings {
  return {
    rrfK: config.RRF_K,
    denseWeight: config.DENSE_WEIGHT,
    lexicalWeight: config.LEXICAL_WEIGHT,
    candidates: config.RETRIEVE_CANDIDATES,
    coverageWeight: config.COVERAGE_WEIGHT,
    notFoundThreshold: config.NOT_FOUND_THRESHOLD,
    entityMinCoverage: config.ENTITY_MIN_COVERAGE,
    relatedDocMin: config.RELATED_DOC_MIN,
    passagesPerDoc: config.PASSAGES_PER_DOC,
  };
}

// The retrieval knobs, read from Config (fitted values and what they were fitted on: src/config.ts).
import { configSchema, type Config } from '../config.ts';

export interface RetrievalSettings {
  rrfK: number;
  denseWeight: number;
  lexicalWeight: number;
  candidates: number;
  /** Article score weights. */
  ranking: {
    fusion: number;
    coverage: number;
    entity: number;
    names: number;
    chunkCoverage: number;
    phraseCoverage: number;
    chunkFusion: number;
  };
  entityMinCoverage: number;
  notFoundThreshold: number;
  notFoundModel: {
    intercept: number;
    coverage: number;
    chunkCoverage: number;
    unknownShare: number;
    absentShare: number;
    denseMargin: number;
  };
  nearestMinCoverage: number;
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
    ranking: {
      fusion: config.RANK_FUSION_WEIGHT,
      coverage: config.COVERAGE_WEIGHT,
      entity: config.ENTITY_WEIGHT,
      names: config.NAME_WEIGHT,
      chunkCoverage: config.CHUNK_COVERAGE_WEIGHT,
      phraseCoverage: config.PHRASE_WEIGHT,
      chunkFusion: config.CHUNK_FUSION_WEIGHT,
    },
    entityMinCoverage: config.ENTITY_MIN_COVERAGE,
    notFoundThreshold: config.NOT_FOUND_THRESHOLD,
    notFoundModel: {
      intercept: config.NOT_FOUND_INTERCEPT,
      coverage: config.NOT_FOUND_W_COVERAGE,
      chunkCoverage: config.NOT_FOUND_W_CHUNK_COVERAGE,
      unknownShare: config.NOT_FOUND_W_UNKNOWN,
      absentShare: config.NOT_FOUND_W_ABSENT,
      denseMargin: config.NOT_FOUND_W_DENSE_MARGIN,
    },
    nearestMinCoverage: config.NEAREST_MIN_COVERAGE,
    relatedDocMin: config.RELATED_DOC_MIN,
    passagesPerDoc: config.PASSAGES_PER_DOC,
  };
}

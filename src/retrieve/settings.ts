// The retrieval knobs, read from Config (defaults chosen on the dev questions; see README "Evaluation").
import type { Config } from '../config.ts';

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

export const DEFAULT_SETTINGS: RetrievalSettings = {
  rrfK: 60,
  denseWeight: 1,
  lexicalWeight: 1,
  candidates: 60,
  coverageWeight: 0.8,
  notFoundThreshold: 0.3,
  entityMinCoverage: 0.75,
  relatedDocMin: 0.7,
  passagesPerDoc: 2,
};

export function settingsFrom(config: Partial<Config> | undefined): RetrievalSettings {
  if (!config) return DEFAULT_SETTINGS;
  const d = DEFAULT_SETTINGS;
  return {
    rrfK: config.RRF_K ?? d.rrfK,
    denseWeight: config.DENSE_WEIGHT ?? d.denseWeight,
    lexicalWeight: config.LEXICAL_WEIGHT ?? d.lexicalWeight,
    candidates: config.RETRIEVE_CANDIDATES ?? d.candidates,
    coverageWeight: config.COVERAGE_WEIGHT ?? d.coverageWeight,
    notFoundThreshold: config.NOT_FOUND_THRESHOLD ?? d.notFoundThreshold,
    entityMinCoverage: config.ENTITY_MIN_COVERAGE ?? d.entityMinCoverage,
    relatedDocMin: config.RELATED_DOC_MIN ?? d.relatedDocMin,
    passagesPerDoc: config.PASSAGES_PER_DOC ?? d.passagesPerDoc,
  };
}

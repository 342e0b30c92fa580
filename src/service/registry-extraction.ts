// What the registry's extraction eval (src/eval/registry.ts) measures, offered by the service layer: loading an
// article, extracting its records, and the party/place name rule the registry matches with. Front ends reach the
// layers behind the service only through it.
export { listArticleFiles, loadArticleFile } from '../ingest/load.ts';
export { extractRecords } from '../ingest/records/extract.ts';
export { aligns, nameTokens, sameParty } from '../ingest/records/names.ts';
export { partiesFromFrontMatter } from '../ingest/records/parties.ts';
export type { CollabRecord } from '../ingest/records/types.ts';
export type { Article } from '../ingest/types.ts';

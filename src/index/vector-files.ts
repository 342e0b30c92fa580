// Which of HNSWLib's three files (args.json, docstore.json, hnswlib.index) made a build's vectors fail to
// load. HNSWLib.load reads them all and throws whatever JSON.parse or hnswlib threw, without saying which
// file; a damaged args.json must be blamed on args.json, not on the graph.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corrupt } from './manifest.ts';
import type { UserError } from '../errors.ts';

export const VECTOR_FILES = { args: 'args.json', docstore: 'docstore.json', graph: 'hnswlib.index' } as const;

/** UserError('index.corrupt') naming the vector file of `dir` that is damaged (the graph when the JSON files are sound). */
export async function blameVectorFile(dir: string, error: unknown): Promise<UserError> {
  const args = await readJson(join(dir, VECTOR_FILES.args));
  if ('why' in args) return corrupt(join(dir, VECTOR_FILES.args), args.why);
  const value = args.value as { space?: unknown; numDimensions?: unknown } | null;
  if (typeof value !== 'object' || value === null || typeof value.space !== 'string' || typeof value.numDimensions !== 'number') {
    return corrupt(join(dir, VECTOR_FILES.args), 'it does not hold the vector space and dimension');
  }
  const docstore = await readJson(join(dir, VECTOR_FILES.docstore));
  if ('why' in docstore) return corrupt(join(dir, VECTOR_FILES.docstore), docstore.why);
  if (!Array.isArray(docstore.value)) return corrupt(join(dir, VECTOR_FILES.docstore), 'it is not a list of entries');
  return corrupt(join(dir, VECTOR_FILES.graph), (error as Error).message);
}

async function readJson(file: string): Promise<{ value: unknown } | { why: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { why: (error as Error).message };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { why: `it is not valid JSON (${(error as Error).message})` };
  }
}

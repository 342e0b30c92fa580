import { foldText } from './fold.ts';

/** Word tokens for lexical search: letters, marks and digits of any script. */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

// A reindex must not silently empty the index. An empty or wrong CORPUS_DIR, or a disk that is not
// mounted, looks to the planner exactly like "every article was deleted"; so a reindex that would remove
// more than half of the indexed articles refuses, before anything is embedded or written, unless the
// caller says the shrink is wanted (`--allow-shrink`). The guard sits in the reindex itself, so a build
// that was not authorized is never published and a running bot can never reload it.
import { UserError } from '../errors.ts';

/**
 * Share of the indexed articles a reindex may remove without --allow-shrink. Not fitted on data: "more
 * than half" is the rule of issue 10; deleting a few articles, or even half of them, still just works.
 */
export const MAX_REMOVED_SHARE = 0.5;

export interface ShrinkCheck {
  /** Articles in the live index before this reindex. */
  before: number;
  /** Articles of the live index that the new build would not hold. */
  removed: number;
  /** The new build's article count. */
  after: number;
  /** CORPUS_DIR as configured, to name in the message. */
  corpusDir: string;
  allowShrink: boolean;
}

/** True when the new build would remove more than MAX_REMOVED_SHARE of the indexed articles. */
export function isLargeShrink(before: number, removed: number): boolean {
  return before > 0 && removed > before * MAX_REMOVED_SHARE;
}

/** Throws UserError('reindex.shrink') for a large shrink that was not allowed. */
export function assertShrinkAllowed(check: ShrinkCheck): void {
  if (check.allowShrink || !isLargeShrink(check.before, check.removed)) return;
  throw new UserError(
    'reindex.shrink',
    `Refusing to reindex: it would remove ${check.removed} of the ${check.before} indexed articles (${check.after} left). ` +
      `Check that CORPUS_DIR (${check.corpusDir}) is the right folder and is mounted; to remove them anyway, run \`npm run reindex -- --allow-shrink\`.`,
    { before: check.before, removed: check.removed, after: check.after, corpusDir: check.corpusDir },
  );
}

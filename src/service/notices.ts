// One-line notices for the person running a command, shared by `npm run reindex`, `npm run ask` and the
// bot's start-up (English: they are terminal and log lines, never shown in Discord).
import type { Config } from '../config.ts';

/** An index without articles answers every question with "not found": say why, and what to do. */
export function emptyIndexNotice(config: Pick<Config, 'CORPUS_DIR'>): string {
  return (
    `The index is empty: ${config.CORPUS_DIR} holds no articles (.md, .txt, .html), so every question will be answered "not found". ` +
    'Add articles there (or point CORPUS_DIR / --corpus at the folder of articles) and run `npm run reindex`.'
  );
}

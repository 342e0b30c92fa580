// 👍/👎 presses, appended as JSON lines that the eval tooling can read. User ids are hashed with a salt
// so the log can group votes by person without holding Discord ids.
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { documentRef, type DocumentRef } from '../types.ts';
import type { Citation } from '../service/types.ts';

export interface FeedbackRecord {
  time: string;
  vote: 'up' | 'down';
  answerId: string;
  question: string;
  answer: string;
  found: boolean;
  citations: (Pick<Citation, 'n' | 'docId' | 'text'> & DocumentRef)[];
  /** sha256(salt + ":" + Discord user id), hex. */
  user: string;
}

export interface FeedbackLog {
  record(entry: Omit<FeedbackRecord, 'user' | 'time'> & { userId: string; time?: Date }): Promise<FeedbackRecord>;
}

export function hashUserId(userId: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${userId}`).digest('hex');
}

/**
 * The salt: FEEDBACK_SALT when set, else a random one kept next to the log (created on first use), so
 * hashes stay stable across restarts without anyone having to configure a secret.
 */
export async function loadOrCreateSalt(logPath: string, configured?: string): Promise<string> {
  if (configured) return configured;
  const saltPath = `${logPath}.salt`;
  try {
    const existing = (await readFile(saltPath, 'utf8')).trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const salt = randomBytes(32).toString('hex');
  await mkdir(dirname(saltPath), { recursive: true });
  await writeFile(saltPath, `${salt}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  // Another process may have won the race to create it: whatever is on disk is the salt.
  return (await readFile(saltPath, 'utf8')).trim();
}

export function createFeedbackLog(path: string, salt: string | (() => Promise<string>)): FeedbackLog {
  let saltValue: Promise<string> | undefined;
  // Appends are chained so lines never interleave and keep press order.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    record({ userId, time = new Date(), ...rest }) {
      const write = queue.then(async () => {
        saltValue ??= typeof salt === 'string' ? Promise.resolve(salt) : salt();
        const record: FeedbackRecord = {
          time: time.toISOString(),
          vote: rest.vote,
          answerId: rest.answerId,
          question: rest.question,
          answer: rest.answer,
          found: rest.found,
          citations: rest.citations.map((c) => ({ n: c.n, docId: c.docId, ...documentRef(c), text: c.text })),
          user: hashUserId(userId, await saltValue),
        };
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, `${JSON.stringify(record)}\n`, 'utf8');
        return record;
      });
      queue = write.catch(() => undefined);
      return write;
    },
  };
}

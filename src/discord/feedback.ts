// 👍/👎 presses, appended as JSON lines that the eval tooling can read. User ids are hashed with a salt
// so the log can group votes by person without holding Discord ids.
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { documentRef, type DocumentRef } from '../types.ts';
import type { Citation } from '../service/types.ts';
import { t } from '../i18n/index.ts';

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

/** What a press did: a first vote, a changed vote, or the same vote again (nothing written). */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

export interface FeedbackLog {
  /** One record per user per answer: a second press with the other vote replaces the first. */
  record(
    entry: Omit<FeedbackRecord, 'user' | 'time'> & { userId: string; time?: Date },
  ): Promise<{ record: FeedbackRecord; outcome: VoteOutcome }>;
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

/** A FEEDBACK_LOG that cannot be written: the message names the variable, the path and the fix. */
export class FeedbackLogError extends Error {
  override readonly name = 'FeedbackLogError';
}

/**
 * Checked at start: the log (and its folder) can be created and appended to. Without this, an unwritable
 * path would lose every vote, each one failing only when pressed.
 */
export async function checkFeedbackLogWritable(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    // Append mode creates the file if needed and never changes what is in it.
    await (await open(path, 'a')).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new FeedbackLogError(
      `FEEDBACK_LOG=${path} is not writable (${code}): point FEEDBACK_LOG at a file the bot may write, or fix the permissions.`,
    );
  }
}

interface LoadedLog {
  /** The file's lines in order; lines that are not records (e.g. damaged) are kept as they are. */
  lines: string[];
  /** `answerId user` → index in `lines` of that user's vote on that answer. */
  votes: Map<string, number>;
}

async function loadLog(path: string): Promise<LoadedLog> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const votes = new Map<string, number>();
  lines.forEach((line, i) => {
    try {
      const record = JSON.parse(line) as Partial<FeedbackRecord>;
      if (typeof record.answerId === 'string' && typeof record.user === 'string')
        votes.set(voteKey(record.answerId, record.user), i);
    } catch {
      // Not a record: kept in the file, never counted.
    }
  });
  return { lines, votes };
}

function voteKey(answerId: string, user: string): string {
  return `${answerId} ${user}`;
}

export function createFeedbackLog(path: string, salt: string | (() => Promise<string>)): FeedbackLog {
  let saltValue: Promise<string> | undefined;
  let loaded: Promise<LoadedLog> | undefined;
  // Writes are chained so lines never interleave, keep press order, and a change never races an append.
  let queue: Promise<unknown> = Promise.resolve();

  /** A changed vote replaces its line: the whole log is written next to it and renamed over it (atomic). */
  async function rewrite(log: LoadedLog): Promise<void> {
    const temp = `${path}.tmp-${process.pid}`;
    await writeFile(temp, `${log.lines.join('\n')}\n`, 'utf8');
    await rename(temp, path);
  }

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
        loaded ??= loadLog(path);
        const log = await loaded.catch((error: unknown) => {
          loaded = undefined;
          throw error;
        });
        const key = voteKey(record.answerId, record.user);
        const line = JSON.stringify(record);
        const existing = log.votes.get(key);
        if (existing === undefined) {
          await mkdir(dirname(path), { recursive: true });
          await appendFile(path, `${line}\n`, 'utf8');
          log.votes.set(key, log.lines.push(line) - 1);
          return { record, outcome: 'recorded' as const };
        }
        const previous = JSON.parse(log.lines[existing]!) as FeedbackRecord;
        if (previous.vote === record.vote) return { record: previous, outcome: 'unchanged' as const };
        const before = log.lines[existing]!;
        log.lines[existing] = line;
        try {
          await rewrite(log);
        } catch (error) {
          log.lines[existing] = before;
          throw error;
        }
        return { record, outcome: 'changed' as const };
      });
      queue = write.catch(() => undefined);
      return write;
    },
  };
}

/** The private reply to a vote, in the voter's Discord language. */
export function voteReply(locale: string, outcome: VoteOutcome, vote: 'up' | 'down'): string {
  if (outcome === 'unchanged') return t(locale, 'reliability:voteSame');
  return t(locale, outcome === 'changed' ? `reliability:voteChanged.${vote}` : `reliability:voteRecorded.${vote}`);
}

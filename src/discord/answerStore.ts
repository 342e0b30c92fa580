// Recent answers, so buttons ("Show passages", 👍/👎) and reply-to-continue can find the answer a message
// shows. Keyed by a short random id carried in the buttons' custom_id. Only ever looked up by that id, never
// by question: a new question always goes to the service, so a reindex can never be hidden by this cache.
import { randomBytes } from 'node:crypto';
import type { Answer, ConversationTurn } from '../service/types.ts';

export interface StoredAnswer {
  id: string;
  question: string;
  answer: Answer;
  /** The turns before this one, oldest first. */
  history: ConversationTurn[];
  createdAt: Date;
}

export interface AnswerStore {
  /** Stores an answer under a new id and returns it. */
  add(entry: Omit<StoredAnswer, 'id' | 'createdAt'>): StoredAnswer;
  get(id: string): StoredAnswer | undefined;
  readonly size: number;
  readonly capacity: number;
}

/** A least-recently-used store holding at most `capacity` answers. */
export function createAnswerStore(capacity = 500): AnswerStore {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`answer store capacity must be >= 1, got ${capacity}`);
  const entries = new Map<string, StoredAnswer>();
  return {
    add(entry) {
      const stored: StoredAnswer = { ...entry, id: randomBytes(6).toString('base64url'), createdAt: new Date() };
      entries.set(stored.id, stored);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return stored;
    },
    get(id) {
      const stored = entries.get(id);
      if (stored) {
        // Map keeps insertion order: re-inserting marks it as recently used.
        entries.delete(id);
        entries.set(id, stored);
      }
      return stored;
    },
    get size() {
      return entries.size;
    },
    capacity,
  };
}

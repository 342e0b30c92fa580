// User-facing errors as typed values with a stable identifier, so front ends can choose the wording
// (and later translate it) without parsing messages. Internal failures stay ordinary Errors.

export type UserErrorId =
  | 'question.empty'
  | 'question.tooLong'
  | 'index.embedderMismatch'
  | 'index.missing'
  | 'index.corrupt'
  | 'reindex.alreadyRunning'
  | 'reindex.shrink'
  | 'model.unavailable'
  | 'permission.denied'
  | 'rateLimited'
  /** Every answer worker is occupied and the wait queue is full (src/service/pooled.ts). */
  | 'service.busy'
  /** INDEX_BACKEND=postgres (src/index/postgres): the server cannot be reached at DATABASE_URL. */
  | 'database.unreachable'
  /** The server refused DATABASE_URL's user name or password. */
  | 'database.auth'
  /** The server has no pgvector extension (or the user may not create it). */
  | 'database.noVector'
  /** The schema is older than this code (`npm run db:migrate` upgrades it) or has none yet. */
  | 'database.schemaOutdated'
  /** The schema was made by a newer version of collab-bot than this one. */
  | 'database.schemaNewer';

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly id: UserErrorId,
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isUserError(error: unknown, id?: UserErrorId): error is UserError {
  return error instanceof UserError && (id === undefined || error.id === id);
}

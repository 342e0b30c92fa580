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
  | 'service.busy';

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

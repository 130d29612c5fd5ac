/**
 * The error taxonomy of commands: a code, an HTTP status and a message a
 * person can act on. A leaf module: domain code throws these without knowing
 * about HTTP; http/errorHandler.ts turns them into responses.
 */
import type { ErrorCode } from '@baton/shared/api.ts';

/** The statuses commands answer with (each with a body, so Hono's `c.json` takes them). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ErrorStatus,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = () => new AppError('unauthenticated', 401, 'Sign in to continue.');
export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError('forbidden', 403, message);
export const notFound = (what: string) => new AppError('not_found', 404, `${what} not found.`);
/** Something that existed and was taken away for good (a deleted installment). */
export const gone = (message: string) => new AppError('gone', 410, message);
export const conflict = (message: string) => new AppError('conflict', 409, message);
export const badRequest = (message: string) => new AppError('bad_request', 400, message);
export const validationFailed = (fields: Record<string, string>) =>
  new AppError(
    'validation_failed',
    400,
    `Invalid ${Object.keys(fields).join(', ') || 'request'}: ${Object.values(fields).join('; ')}`,
    fields,
  );

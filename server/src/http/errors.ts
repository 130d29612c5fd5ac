/** The API's error taxonomy: a code, an HTTP status and a message a person can act on. */
import type { ErrorCode } from '@baton/shared/api.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
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

/** Maps any error to `{ error: { code, message } }`; unknown errors are logged and masked. */
import type { ApiErrorBody } from '@baton/shared/api.ts';
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../config/logger.ts';
import { AppError } from '../errors/appError.ts';

export function createErrorHandler(logger: Logger): ErrorHandler {
  return function onError(error, c) {
    if (error instanceof AppError) {
      const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
      if (error.fields) body.error.fields = error.fields;
      return c.json(body, error.status);
    }
    if (error instanceof HTTPException && error.status === 413) {
      return c.json(
        { error: { code: 'payload_too_large', message: 'The request body is too large.' } },
        413,
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: { code: 'bad_request', message: error.message } }, error.status);
    }
    logger.error('unhandled error', { method: c.req.method, path: c.req.path, error });
    return c.json(
      { error: { code: 'internal', message: 'Something went wrong on the server.' } },
      500,
    );
  };
}

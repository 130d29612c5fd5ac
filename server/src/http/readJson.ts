/** Reads and validates a JSON request body against a shared zod schema. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, badRequest, validationFailed } from '../errors/appError.ts';

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 415, 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key =
        issue.path.map(String).join('.') ||
        (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'body');
      fields[key] ??= issue.message;
    }
    throw validationFailed(fields);
  }
  return parsed.data;
}

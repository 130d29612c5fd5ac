import { idParam } from '@baton/shared/api.ts';
import { notFound } from '../errors/appError.ts';

/** A path id, or 404 for `what` (a malformed id names nothing that exists). */
export function pathId(raw: string, what: string): string {
  const parsed = idParam.safeParse(raw);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

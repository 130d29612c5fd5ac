/**
 * "Come back here after signing in": the path travels in `?next=`, and only
 * same-origin paths are honoured so the link cannot send a person elsewhere.
 */
export function signInPath(next: string): string {
  return withNext('/sign-in', next);
}

/** `path`, carrying `next` as where to go afterwards (nothing to carry for `/`). */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** The safe return path from a `?next=` value, or `/`. */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/sign-in') || raw.startsWith('/sign-up')) return '/';
  return raw;
}

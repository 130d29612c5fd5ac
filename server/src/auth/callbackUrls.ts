/**
 * Redirect targets that better-auth accepts in its requests (`callbackURL`
 * and friends) must stay on a trusted origin. better-auth refuses foreign
 * absolute URLs itself, but takes `//evil.example` for a relative path and
 * redirects there; this check runs first and refuses any such target.
 */
const callbackFields = ['callbackURL', 'errorCallbackURL', 'newUserCallbackURL', 'redirectTo'];

/** A same-site path (`/x`, not `//x` or `/\x`), or an absolute URL on a trusted origin. */
export function isSafeCallbackUrl(value: string, isTrustedOrigin: (origin: string) => boolean) {
  if (value.startsWith('/')) {
    // Browsers read `//host` and `/\host` (and tabs or newlines between) as another site.
    return !/^\/[\s]*[/\\]/.test(value);
  }
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && isTrustedOrigin(url.origin);
}

/** The first redirect target in the query or JSON body of `request` that is not safe, if any. */
export async function findUnsafeCallbackUrl(
  request: Request,
  isTrustedOrigin: (origin: string) => boolean,
): Promise<string | null> {
  const candidates: unknown[] = [];
  const query = new URL(request.url).searchParams;
  for (const field of callbackFields) candidates.push(...query.getAll(field));
  if (request.method === 'POST' && request.headers.get('content-type')?.includes('json')) {
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => null);
    if (body && typeof body === 'object') {
      for (const field of callbackFields) candidates.push((body as Record<string, unknown>)[field]);
    }
  }
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === null) continue;
    if (typeof candidate !== 'string' || !isSafeCallbackUrl(candidate, isTrustedOrigin)) {
      return String(candidate);
    }
  }
  return null;
}

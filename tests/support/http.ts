/** A small API client for tests: signs users up and calls the JSON API with their cookie. */
import { randomUUID } from 'node:crypto';

export interface TestUser {
  id: string;
  name: string;
  email: string;
  cookie: string;
}

/** The password of every account the tests sign up. */
export const password = 'correct horse battery';

/** The session cookie a response sets, as a Cookie header value. */
export function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Signs in with `password` and returns the new session's cookie. The status is
 * not checked: a refused sign-in gives an empty cookie.
 */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  return sessionCookie(response);
}

/** Signs up an account with `password`; the email is made unique unless given. */
export async function signUp(
  baseUrl: string,
  name = 'Writer',
  email = `${name.toLowerCase().replace(/\W+/g, '')}-${randomUUID().slice(0, 8)}@example.com`,
): Promise<TestUser> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ name, email, password }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return { id: body.user.id, name, email, cookie: sessionCookie(response) };
}

export interface ApiResult<T> {
  status: number;
  body: T;
}

export async function api<T = unknown>(
  baseUrl: string,
  user: TestUser | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { origin: baseUrl };
  if (user) headers.cookie = user.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Signs a user up and creates a series with one installment; returns their ids. */
export async function seedInstallment(baseUrl: string, user: TestUser) {
  const series = await api<{ id: string }>(baseUrl, user, 'POST', '/api/series', {
    title: 'The Relay',
  });
  const installment = await api<{ id: string }>(
    baseUrl,
    user,
    'POST',
    `/api/series/${series.body.id}/installments`,
    { title: 'Taking the baton' },
  );
  return { seriesId: series.body.id, installmentId: installment.body.id };
}

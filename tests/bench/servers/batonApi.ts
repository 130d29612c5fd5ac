/** The few Baton API calls the bench needs: one account, one series, one installment per room. */

export interface BatonSession {
  baseUrl: string;
  /** `name=value; …` for the Cookie header. */
  cookie: string;
  seriesId: string;
}

/**
 * Signs one user up and creates a series. In production better-auth allows 3
 * sign-ups per 10 s, so a run signs up exactly once and reuses the cookie.
 */
export async function openSession(baseUrl: string): Promise<BatonSession> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({
      name: 'Bench',
      email: `bench-${Date.now()}@example.com`,
      password: 'correct horse battery staple',
    }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const series = await post<{ id: string }>(baseUrl, cookie, '/api/series', { title: 'Bench' });
  return { baseUrl, cookie, seriesId: series.id };
}

export async function createInstallments(session: BatonSession, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const installment = await post<{ id: string }>(
      session.baseUrl,
      session.cookie,
      `/api/series/${session.seriesId}/installments`,
      { title: `Room ${i + 1}` },
    );
    ids.push(installment.id);
  }
  return ids;
}

async function post<T>(baseUrl: string, cookie: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Browser-test setup through the JSON API: the calls go out on a context's
 * (or page's) own request client, so its pages share the session cookie.
 * A call the server refuses throws with its status and body.
 */
import type { CreateInstallmentInput } from '@baton/shared/api.ts';
import type { Role } from '@baton/shared/roles.ts';
import type { APIRequestContext } from 'playwright-core';
import { password } from './http.ts';

export interface BrowserApi {
  /** POSTs JSON to `path`; returns the JSON answer. */
  post<T = unknown>(path: string, data: unknown): Promise<T>;
  /** Signs an account up; the context is signed in as it from then on. */
  signUp(name: string, email: string): Promise<{ id: string }>;
  /** A series of the signed-in account with one installment. */
  seriesWithInstallment(options?: {
    title?: string;
    installment?: CreateInstallmentInput;
  }): Promise<{ seriesId: string; installmentId: string }>;
  /** Invites an account to the series as `role`. */
  addMember(seriesId: string, email: string, role: Role): Promise<void>;
}

export function browserApi(request: APIRequestContext, baseUrl: string): BrowserApi {
  const post = async <T>(path: string, data: unknown): Promise<T> => {
    const response = await request.post(`${baseUrl}${path}`, {
      data,
      headers: { origin: baseUrl },
    });
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    post,
    async signUp(name, email) {
      const body = await post<{ user: { id: string } }>('/api/auth/sign-up/email', {
        name,
        email,
        password,
      });
      return { id: body.user.id };
    },
    async seriesWithInstallment({
      title = 'The Relay',
      installment = { title: 'Taking the baton' },
    } = {}) {
      const series = await post<{ id: string }>('/api/series', { title });
      const created = await post<{ id: string }>(
        `/api/series/${series.id}/installments`,
        installment,
      );
      return { seriesId: series.id, installmentId: created.id };
    },
    async addMember(seriesId, email, role) {
      await post(`/api/series/${seriesId}/members`, { email, role });
    },
  };
}

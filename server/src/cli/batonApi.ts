/** The CLI's HTTP client: the JSON API with an API key, errors turned into messages. */
import type { ApiErrorBody } from '@baton/shared/api.ts';
import { CliError } from './cliLogin.ts';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export function batonApi(url: string, key: string) {
  const base = url.replace(/\/+$/, '');
  return async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    accept: number[] = [],
  ): Promise<ApiAnswer<T>> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause ?? error).toString() : String(error);
      throw new CliError(`Could not reach ${base}: ${reason}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      throw new CliError(`${base} did not answer like a Baton server (HTTP ${response.status}).`);
    }
    if (!response.ok && !accept.includes(response.status)) {
      const error = (parsed as Partial<ApiErrorBody> | null)?.error;
      const hint = response.status === 401 ? ' Check the key, or run baton login again.' : '';
      throw new CliError(`${error?.message ?? `HTTP ${response.status}`}${hint}`);
    }
    return { status: response.status, body: parsed as T };
  };
}

/**
 * Personal API keys, through better-auth's API key plugin (`/api/auth/api-key/*`).
 * These routes belong to better-auth, not to Baton's API, so their shapes are
 * declared here rather than in shared/.
 */
import { request } from './http.ts';

/** A key as listed: never the secret, only its first characters. */
export interface ApiKey {
  id: string;
  name: string | null;
  /** The key's first characters, to recognise it. */
  start: string | null;
  createdAt: string;
  expiresAt: string | null;
  enabled: boolean;
}

/** The answer to creating a key: the only time `key` is ever shown. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

const DAY_SECONDS = 86_400;

/** The expiry choices offered; `null` is "never". */
export const apiKeyExpiryDays = [null, 30, 90, 365] as const;
export type ApiKeyExpiryDays = (typeof apiKeyExpiryDays)[number];

export const apiKeysApi = {
  async list(signal?: AbortSignal): Promise<ApiKey[]> {
    // Older plugin versions answer with an array, newer ones with `{ apiKeys, total }`.
    const body = await request<ApiKey[] | { apiKeys: ApiKey[] }>('GET', '/api/auth/api-key/list', {
      signal,
    });
    return Array.isArray(body) ? body : body.apiKeys;
  },
  create: (name: string, expiresInDays: ApiKeyExpiryDays) =>
    request<CreatedApiKey>('POST', '/api/auth/api-key/create', {
      body: expiresInDays === null ? { name } : { name, expiresIn: expiresInDays * DAY_SECONDS },
    }),
  remove: (keyId: string) =>
    request<unknown>('POST', '/api/auth/api-key/delete', { body: { keyId } }),
};

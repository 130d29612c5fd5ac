/**
 * A typed fetch wrapper for `/api/*`: JSON in, JSON out, and every failure
 * turned into an `ApiError` carrying the server's stable error code.
 */
import type { ApiErrorBody, ErrorCode } from '@baton/shared/api.ts';
import { errorCodes } from '@baton/shared/api.ts';

/** Status 0 means the request never reached the server (offline, DNS, reset). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fields: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let onUnauthenticated: () => void = () => undefined;

/**
 * Called whenever the API answers 401 (the session ended or was revoked), so the
 * app can re-check its session and send the person to sign in. Set once in main.tsx.
 */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

/** Performs one API call and returns its parsed JSON body as `T`. */
export async function request<T>(
  method: Method,
  path: string,
  { body, signal }: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'network',
      'Could not reach the server. Check your connection and try again.',
    );
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const error = await toApiError(response);
  if (error.status === 401) onUnauthenticated();
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    // Not JSON (a proxy's error page, for instance): fall back to the status.
  }
  if (isApiErrorBody(parsed)) {
    const { code, message, fields } = parsed.error;
    return new ApiError(response.status, code, message, fields ?? {});
  }
  return new ApiError(
    response.status,
    codeForStatus(response.status),
    messageOf(parsed) ?? (response.statusText || 'Request failed'),
  );
}

/** better-auth's own routes (`/api/auth/*`) answer errors as `{ code, message }`. */
function messageOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('message' in value)) return null;
  return typeof value.message === 'string' && value.message ? value.message : null;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    (errorCodes as readonly string[]).includes(error.code) &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    default:
      return 'internal';
  }
}

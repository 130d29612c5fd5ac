import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './http.ts';

/** The state of one loaded resource. */
export type Resource<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

const loading = { status: 'loading' } as const;

/**
 * Loads `load()` when `key` changes (or on `reload`), aborting the previous request.
 * `update` replaces the data after a successful mutation without a refetch.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [attempt, setAttempt] = useState(0);
  const requestKey = `${attempt}:${key}`;
  // The result is stored with the request it answers, so a new key reads as loading at once.
  const [stored, setStored] = useState<{ key: string; value: Resource<T> } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted)
          setStored({ key: requestKey, value: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setStored({ key: requestKey, value: { status: 'error', error: toApiError(error) } });
      },
    );
    return () => controller.abort();
    // `load` is recreated every render; `requestKey` says when the resource changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((fn: (data: T) => T) => {
    setStored((s) =>
      s && s.value.status === 'ready'
        ? { key: s.key, value: { status: 'ready', data: fn(s.value.data) } }
        : s,
    );
  }, []);

  const state: Resource<T> = stored && stored.key === requestKey ? stored.value : loading;
  return { state, reload, update };
}

/** Anything thrown by a request, as an `ApiError`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(
    0,
    'internal',
    error instanceof Error ? error.message : 'Something went wrong.',
  );
}

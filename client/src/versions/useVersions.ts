import { useCallback, useEffect, useState } from 'react';
import type { VersionSummary } from '@baton/shared/publish.ts';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';
import { followVersionEvents } from './versionEvents.ts';
import { versionsApi } from './versionsApi.ts';

export interface VersionsState {
  /** Newest first. */
  versions: readonly VersionSummary[];
  /** The list has loaded at least once. */
  loaded: boolean;
  /** The latest load failed; `versions` may be out of date. */
  error: ApiError | null;
  /** The latest restore seen on the live stream (`seq` tells two restores of one version apart). */
  restored: { number: number; seq: number } | null;
}

const empty: VersionsState = { versions: [], loaded: false, error: null, restored: null };

/**
 * Adds versions not yet known. A version's content never changes; the only
 * news about a known one is its withdrawal, which is final, so it is kept.
 */
function merge(current: readonly VersionSummary[], incoming: readonly VersionSummary[]) {
  const byNumber = new Map(current.map((v) => [v.number, v]));
  for (const version of incoming) {
    const known = byNumber.get(version.number);
    if (!known || (known.withdrawn === null && version.withdrawn !== null))
      byNumber.set(version.number, version);
  }
  return [...byNumber.values()].sort((a, b) => b.number - a.number);
}

/**
 * The installment's published versions, kept current: loaded from the API, then
 * updated by `version.published` and `version.withdrawn` events, and re-read whenever the stream
 * (re)starts, since events may have been missed while it was down.
 */
export function useVersions(installmentId: string) {
  const [stored, setStored] = useState<{ id: string; state: VersionsState }>({
    id: installmentId,
    state: empty,
  });
  const [attempt, setAttempt] = useState(0);

  const change = useCallback(
    (fn: (s: VersionsState) => VersionsState) =>
      setStored((s) => ({
        id: installmentId,
        state: fn(s.id === installmentId ? s.state : empty),
      })),
    [installmentId],
  );

  useEffect(() => {
    let controller: AbortController | null = null;
    const load = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      versionsApi.list(installmentId, current.signal).then(
        (versions) => {
          if (current.signal.aborted) return;
          change((s) => ({
            ...s,
            versions: merge(versions, s.versions),
            loaded: true,
            error: null,
          }));
        },
        (error: unknown) => {
          if (current.signal.aborted) return;
          change((s) => ({ ...s, error: toApiError(error) }));
        },
      );
    };
    const stop = followVersionEvents(installmentId, {
      onPublished: (version) => change((s) => ({ ...s, versions: merge(s.versions, [version]) })),
      onWithdrawn: (version) => change((s) => ({ ...s, versions: merge(s.versions, [version]) })),
      onRestored: (number) =>
        change((s) => ({ ...s, restored: { number, seq: (s.restored?.seq ?? 0) + 1 } })),
      onResync: load,
    });
    load();
    return () => {
      stop();
      controller?.abort();
    };
  }, [installmentId, attempt, change]);

  const state = stored.id === installmentId ? stored.state : empty;
  /** Takes a version this tab just published or withdrew, before its event arrives. */
  const add = useCallback(
    (version: VersionSummary) => change((s) => ({ ...s, versions: merge(s.versions, [version]) })),
    [change],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, add, reload };
}

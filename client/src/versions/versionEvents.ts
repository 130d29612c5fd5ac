/**
 * Follows the publishing events on the installment's event stream. The
 * comments panel follows the same stream for threads with its own
 * EventSource (its helper is thread-specific); two streams per tab is fine.
 */
import type { VersionSummary } from '@baton/shared/publish.ts';
import { installmentEventsUrl } from '../comments/commentsApi.ts';

export interface VersionEventHandlers {
  /** Someone (maybe this tab) published a version. */
  onPublished: (version: VersionSummary) => void;
  /** Someone withdrew a version from readers (it comes with `withdrawn` set). */
  onWithdrawn: (version: VersionSummary) => void;
  /** Someone restored version `number` into the draft. */
  onRestored: (number: number) => void;
  /** The stream (re)started or cannot resume: events may have been missed. */
  onResync: () => void;
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

function publishedVersion(data: unknown): VersionSummary | null {
  const parsed = parse(data);
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed)) return null;
  const version = parsed.version as Partial<VersionSummary> | null;
  return version && typeof version.number === 'number' && typeof version.id === 'string'
    ? (version as VersionSummary)
    : null;
}

function restoredNumber(data: unknown): number | null {
  const parsed = parse(data);
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed)) return null;
  return typeof parsed.version === 'number' ? parsed.version : null;
}

/** Starts following; returns the function that stops. */
export function followVersionEvents(installmentId: string, handlers: VersionEventHandlers) {
  const source = new EventSource(installmentEventsUrl(installmentId));
  const onResync = () => handlers.onResync();
  source.addEventListener('ready', onResync);
  source.addEventListener('reset', onResync);
  source.addEventListener('version.published', (event) => {
    const version = publishedVersion(event.data);
    if (version) handlers.onPublished(version);
  });
  source.addEventListener('version.withdrawn', (event) => {
    const version = publishedVersion(event.data);
    if (version) handlers.onWithdrawn(version);
  });
  source.addEventListener('version.restored', (event) => {
    const number = restoredNumber(event.data);
    if (number !== null) handlers.onRestored(number);
  });
  return () => source.close();
}

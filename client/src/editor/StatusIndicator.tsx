import { plural } from '../lib/format.ts';
import type { ConnectionSnapshot } from './connectionStatus.ts';
import type { SaveSnapshot } from './saveTracker.ts';

interface Props {
  connection: ConnectionSnapshot;
  save: SaveSnapshot;
  /** Saving has stalled on a live connection: the server is retrying a failed write. */
  slowSave: boolean;
  /** A short-lived note, e.g. after Mod-S: "Baton saves automatically". */
  flash: string | null;
}

const connectionLabel = { connecting: 'Connecting', live: 'Live', offline: 'Offline' } as const;

function saveLabel(save: SaveSnapshot, slow: boolean): string {
  switch (save.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      // Otherwise "Saving…" for ten seconds reads as if Baton hung.
      return slow ? 'Still saving… the server is retrying' : 'Saving…';
    case 'unsaved':
      // Edits made on a read-only connection: the server drops them.
      if (save.readOnly) return "Not saved: you can't edit";
      // Kept on this device meanwhile (see localDraft.ts); the count is what the server still lacks.
      return `${plural(unsavedChanges(save), 'change')} not yet saved`;
  }
}

/** Local changes the server has not confirmed yet. */
export function unsavedChanges(save: SaveSnapshot): number {
  return Math.max(0, save.localSeq - save.savedSeq);
}

/**
 * Connection and save state in one line. Tests read `data-connection`
 * (connecting | live | offline), `data-save` (saved | saving | unsaved),
 * `data-unsaved` (how many changes the server lacks) and `data-save-slow`
 * (present while saving is slow). Offline with unsaved changes it reads
 * "Offline — 3 changes not yet saved".
 */
export function StatusIndicator({ connection, save, slowSave, flash }: Props) {
  const slow = slowSave && save.state === 'saving';
  const waiting = connection.connection === 'offline' && save.state === 'unsaved';
  return (
    <div
      className={`status status--${connection.connection} status--${save.state}${slow ? ' status--slow' : ''}`}
      data-testid="status"
      data-connection={connection.connection}
      data-save={save.state}
      data-unsaved={unsavedChanges(save)}
      data-save-slow={slow ? 'true' : undefined}
      role="status"
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="status__connection">{connectionLabel[connection.connection]}</span>
      <span className="status__sep" aria-hidden="true">
        {waiting ? '—' : '·'}
      </span>
      <span className="status__save">{flash ?? saveLabel(save, slow)}</span>
      {connection.message && connection.connection !== 'live' && (
        <span className="status__message">{connection.message}</span>
      )}
      {connection.terminal && (
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
    </div>
  );
}

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
      return save.readOnly ? "Not saved: you can't edit" : 'Unsaved changes';
  }
}

/**
 * Connection and save state in one line. Tests read `data-connection`
 * (connecting | live | offline), `data-save` (saved | saving | unsaved) and
 * `data-save-slow` (present while saving is slow).
 */
export function StatusIndicator({ connection, save, slowSave, flash }: Props) {
  const slow = slowSave && save.state === 'saving';
  return (
    <div
      className={`status status--${connection.connection} status--${save.state}${slow ? ' status--slow' : ''}`}
      data-testid="status"
      data-connection={connection.connection}
      data-save={save.state}
      data-save-slow={slow ? 'true' : undefined}
      role="status"
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="status__connection">{connectionLabel[connection.connection]}</span>
      <span className="status__sep" aria-hidden="true">
        ·
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

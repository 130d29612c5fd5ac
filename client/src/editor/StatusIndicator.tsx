import type { ConnectionSnapshot } from './connectionStatus.ts';
import type { SaveSnapshot } from './saveTracker.ts';

interface Props {
  connection: ConnectionSnapshot;
  save: SaveSnapshot;
  /** A short-lived note, e.g. after Mod-S: "Baton saves automatically". */
  flash: string | null;
}

const connectionLabel = { connecting: 'Connecting', live: 'Live', offline: 'Offline' } as const;

function saveLabel(save: SaveSnapshot): string {
  switch (save.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'unsaved':
      // Edits made on a read-only connection: the server drops them.
      return save.readOnly ? "Not saved: you can't edit" : 'Unsaved changes';
  }
}

/**
 * Connection and save state in one line. Tests read `data-connection`
 * (connecting | live | offline) and `data-save` (saved | saving | unsaved).
 */
export function StatusIndicator({ connection, save, flash }: Props) {
  return (
    <div
      className={`status status--${connection.connection} status--${save.state}`}
      data-testid="status"
      data-connection={connection.connection}
      data-save={save.state}
      role="status"
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="status__connection">{connectionLabel[connection.connection]}</span>
      <span className="status__sep" aria-hidden="true">
        ·
      </span>
      <span className="status__save">{flash ?? saveLabel(save)}</span>
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

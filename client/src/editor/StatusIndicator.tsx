import type { ConnectionSnapshot } from './connectionStatus.ts';
import type { SaveSnapshot } from './saveTracker.ts';

interface Props {
  connection: ConnectionSnapshot;
  save: SaveSnapshot;
  /** Saving has stalled on a live connection: the server is retrying a failed write. */
  slowSave: boolean;
  /** A short-lived note, e.g. after Mod-S: "Baton saves automatically". */
  flash: string | null;
  /** The session ended: not connecting until it is back (the banner above says why). */
  signedOut?: boolean;
}

const connectionLabel = {
  connecting: 'Connecting',
  live: 'Live',
  offline: 'Offline',
  'signed-out': 'Signed out',
} as const;

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
 * (connecting | live | offline | signed-out), `data-save` (saved | saving |
 * unsaved) and `data-save-slow` (present while saving is slow).
 */
export function StatusIndicator({ connection, save, slowSave, flash, signedOut = false }: Props) {
  const slow = slowSave && save.state === 'saving' && !signedOut;
  const shown = signedOut ? 'signed-out' : connection.connection;
  // Signed out looks like offline: the dot says "not connected", the banner says why.
  const tone = signedOut ? 'offline' : connection.connection;
  // Signed out, edits not yet confirmed wait on this page; "Saving…" would promise too much.
  const saveText = signedOut && save.state !== 'saved' ? 'Unsaved changes kept here' : null;
  return (
    <div
      className={`status status--${tone} status--${save.state}${slow ? ' status--slow' : ''}`}
      data-testid="status"
      data-connection={shown}
      data-save={save.state}
      data-save-slow={slow ? 'true' : undefined}
      role="status"
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="status__connection">{connectionLabel[shown]}</span>
      <span className="status__sep" aria-hidden="true">
        ·
      </span>
      <span className="status__save">{flash ?? saveText ?? saveLabel(save, slow)}</span>
      {connection.message && connection.connection !== 'live' && !signedOut && (
        <span className="status__message">{connection.message}</span>
      )}
      {connection.terminal && !signedOut && (
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
    </div>
  );
}

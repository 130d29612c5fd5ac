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
      if (save.readOnly) return "Not saved: you can't edit";
      // Kept on this device meanwhile (see localDraft.ts); the count is what the server still lacks.
      return `${plural(unsavedChanges(save), 'change')} not yet saved`;
  }
}

/** Local changes the server has not confirmed yet. */
export function unsavedChanges(save: SaveSnapshot): number {
  return Math.max(0, save.localSeq - save.savedSeq);
}

/** The count the line shows; none while saving, when it changes with every keystroke. */
const shownUnsaved = (save: SaveSnapshot) =>
  save.state === 'saving' ? undefined : unsavedChanges(save);

/**
 * Whether two save states read the same on the status line: while typing
 * online only the first keystroke and the confirmation after the last change
 * it, and re-rendering on the others walks the whole editor (React measures
 * the focused editor's selection on each commit).
 */
export function sameStatusLine(a: SaveSnapshot, b: SaveSnapshot): boolean {
  return a.state === b.state && a.readOnly === b.readOnly && shownUnsaved(a) === shownUnsaved(b);
}

/**
 * Connection and save state in one line. Tests read `data-connection`
 * (connecting | live | offline | signed-out), `data-save` (saved | saving |
 * unsaved), `data-unsaved` (how many changes the server lacks; absent while
 * saving) and
 * `data-save-slow` (present while saving is slow). Offline with unsaved
 * changes it reads "Offline — 3 changes not yet saved".
 */
export function StatusIndicator({ connection, save, slowSave, flash, signedOut = false }: Props) {
  const slow = slowSave && save.state === 'saving' && !signedOut;
  const shown = signedOut ? 'signed-out' : connection.connection;
  // Signed out looks like offline: the dot says "not connected", the banner says why.
  const tone = signedOut ? 'offline' : connection.connection;
  // Signed out, edits not yet confirmed wait on this page; "Saving…" would promise too much.
  const saveText = signedOut && save.state !== 'saved' ? 'Unsaved changes kept here' : null;
  const waiting = connection.connection === 'offline' && save.state === 'unsaved' && !signedOut;
  return (
    <div
      className={`status status--${tone} status--${save.state}${slow ? ' status--slow' : ''}`}
      data-testid="status"
      data-connection={shown}
      data-save={save.state}
      data-unsaved={shownUnsaved(save)}
      data-save-slow={slow ? 'true' : undefined}
      role="status"
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="status__connection">{connectionLabel[shown]}</span>
      <span className="status__sep" aria-hidden="true">
        {waiting ? '—' : '·'}
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

/**
 * Applies an update exactly as it was written. After a remote update Yjs tidies
 * text formatting, deleting redundant format markers on its own; on the server
 * those deletions would be stored nowhere and sent to no one, yet served to
 * fresh clients or baked into a compacted log. The server authors nothing: each
 * client tidies its own copy and sends that. `applyUpdate` marks its
 * transaction remote even when nested, so the surrounding transaction is marked
 * local again before its observers run.
 */
import * as Y from 'yjs';

export function applyUpdateAsIs(doc: Y.Doc, update: Uint8Array, origin: unknown = null): void {
  Y.transact(
    doc,
    (transaction) => {
      Y.applyUpdate(doc, update, origin);
      transaction.local = true;
    },
    origin,
  );
}

/**
 * What a restore made by someone else did to this tab. A restore replaces the
 * draft with an older version, so it can remove words this writer typed, also
 * ones typed at the same moment that no other tab had seen yet (Yjs then
 * merges them into text the restore deleted). Nothing may vanish unnoticed:
 * the writer is told which of their words went (decision 0007). And undo
 * history from before the restore no longer describes the text: replaying it
 * would put old edits on top of the restored version, so it is dropped.
 */
import * as Y from 'yjs';
import {
  asRestoreMark,
  RESTORE_MAP,
  RESTORE_MARK_KEY,
  type RestoreMark,
} from '@baton/shared/protocol.ts';

export interface RestoreReport {
  mark: RestoreMark;
  /** This tab's own text that the restore removed, a paragraph per line; '' when none. */
  removed: string;
}

/**
 * Text this doc's own client wrote that `transaction` deleted, in writing
 * order, with a line break wherever it moves to another paragraph.
 */
export function ownRemovedText(transaction: Y.Transaction, clientId: number): string {
  let text = '';
  let parent: unknown = null;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.id.client !== clientId) return;
    if (!(struct.content instanceof Y.ContentString)) return;
    if (parent !== null && struct.parent !== parent) text += '\n';
    parent = struct.parent;
    text += struct.content.str;
  });
  return text;
}

/**
 * Calls `onRestore` for every restore that reaches this doc from elsewhere
 * (a restore made in this tab is its own undoable edit), after clearing the
 * undo history `undoManager` returns. Returns the function that stops.
 */
export function watchRestores(
  doc: Y.Doc,
  undoManager: () => Y.UndoManager | null,
  onRestore: (report: RestoreReport) => void,
): () => void {
  const restores = doc.getMap(RESTORE_MAP);
  const restoresType = restores as unknown as Parameters<Y.Transaction['changed']['has']>[0];
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.local || !transaction.changed.has(restoresType)) return;
    const mark = asRestoreMark(restores.get(RESTORE_MARK_KEY));
    if (!mark) return;
    undoManager()?.clear();
    onRestore({ mark, removed: ownRemovedText(transaction, doc.clientID) });
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}

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
  DOC_FRAGMENT,
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
 * order, one entry per paragraph it was in.
 */
export function ownRemovedRuns(transaction: Y.Transaction, clientId: number): string[] {
  const runs: string[] = [];
  let parent: unknown = null;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.id.client !== clientId) return;
    if (!(struct.content instanceof Y.ContentString)) return;
    if (parent === struct.parent && runs.length > 0) runs[runs.length - 1] += struct.content.str;
    else runs.push(struct.content.str);
    parent = struct.parent;
  });
  return runs;
}

/** The plain text of every text block (paragraph, heading, list item…) in `fragment`. */
export function blockTexts(fragment: Y.XmlFragment | Y.XmlElement): Set<string> {
  const texts = new Set<string>();
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      const delta = child.toDelta() as { insert: unknown }[];
      texts.add(delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
    } else if (child instanceof Y.XmlElement) {
      for (const text of blockTexts(child)) texts.add(text);
    }
  }
  return texts;
}

/**
 * `run` without whole paragraphs the restore put back, at its start or end.
 * The editor may have written such a paragraph into the same text as words
 * typed after it (y-tiptap reconciles a new paragraph by rewriting a
 * neighbour), so a run can be a restored paragraph and lost words together.
 */
function withoutRestoredParagraphs(run: string, restored: readonly string[]): string {
  let rest = run;
  for (let stripped = true; stripped && rest !== '';) {
    stripped = false;
    for (const paragraph of restored) {
      if (rest.startsWith(paragraph)) rest = rest.slice(paragraph.length);
      else if (rest.endsWith(paragraph)) rest = rest.slice(0, rest.length - paragraph.length);
      else continue;
      stripped = true;
      break;
    }
  }
  return rest;
}

/**
 * This tab's own words that a restore removed, a paragraph per line. A
 * paragraph the restore put back word for word is not lost: ProseMirror can
 * re-write a block it already shows (as this tab's own items), and a restore
 * that replaces it with the version's identical text removes no words. Only
 * whole paragraphs count as put back, never single words, so a word typed
 * into a paragraph the restore changed is still reported.
 */
export function removedWords(transaction: Y.Transaction, doc: Y.Doc): string {
  // Longest first: a paragraph that contains another is taken whole.
  const restored = [...blockTexts(doc.getXmlFragment(DOC_FRAGMENT))]
    .filter((text) => text !== '')
    .sort((a, b) => b.length - a.length);
  return ownRemovedRuns(transaction, doc.clientID)
    .map((run) => withoutRestoredParagraphs(run, restored))
    .filter((run) => run !== '')
    .join('\n');
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
    onRestore({ mark, removed: removedWords(transaction, doc) });
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}

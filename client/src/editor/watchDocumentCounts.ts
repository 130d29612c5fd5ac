/**
 * Word and character counts of an editor's document, refreshed while it
 * changes: at once for the first change after a quiet spell (the document
 * arriving from the server, an import, a paste after a pause), then at most
 * every `intervalMs` while changes keep coming. A count is cheap
 * (documentCounts.ts); re-rendering the page on every keystroke is not.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { countDocument, type DocumentCounts } from './documentCounts.ts';

/** What the watch needs of a Tiptap editor. */
export interface CountedEditor {
  readonly state: { readonly doc: PmNode };
  on(event: 'update', listener: () => void): unknown;
  off(event: 'update', listener: () => void): unknown;
}

/** Calls `onCounts` with the document's counts now and after each change, as described above; returns a stop function. */
export function watchDocumentCounts(
  editor: CountedEditor,
  onCounts: (counts: DocumentCounts) => void,
  intervalMs = 400,
): () => void {
  // The count at start (often of an empty document still loading) does not hold back the next.
  let lastChangeCountedAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const measure = () => onCounts(countDocument(editor.state.doc));
  const measureChange = () => {
    timer = undefined;
    lastChangeCountedAt = Date.now();
    measure();
  };
  const onUpdate = () => {
    if (timer !== undefined) return; // that count will include this change too
    const waitMs = lastChangeCountedAt + intervalMs - Date.now();
    if (waitMs <= 0) measureChange();
    else timer = setTimeout(measureChange, waitMs);
  };
  measure();
  editor.on('update', onUpdate);
  return () => {
    editor.off('update', onUpdate);
    clearTimeout(timer);
  };
}

/**
 * Brings the editor's selection up to date with the page's. ProseMirror
 * learns of a selection the browser made (Shift+Arrow, a drag) from the
 * `selectionchange` event, which the browser may deliver after the next key:
 * a command run by that key (Mod-K) would act on the selection before. And
 * once the focus has moved on (into a dialog), ProseMirror ignores the late
 * event for good.
 */
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export function selectionFromPage(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode) return;
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  try {
    const anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(focusNode, selection.focusOffset);
    const current = view.state.selection;
    if (anchor === current.anchor && head === current.head) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  } catch {
    // A point ProseMirror cannot map (inside a widget): keep its own selection.
  }
}

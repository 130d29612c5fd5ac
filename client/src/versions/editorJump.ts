/**
 * Moves the editor to a top-level block named by the publish checks (their
 * indexes are the draft document's top-level children, in order).
 */
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';

/** The text of the block at `offset`, or of its first textblock (a list, a quote). */
function textRange(block: PmNode, offset: number): { from: number; to: number } | null {
  if (block.isTextblock) return { from: offset + 1, to: offset + 1 + block.content.size };
  let found: { from: number; to: number } | null = null;
  block.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    const from = offset + 1 + pos + 1;
    found = { from, to: from + node.content.size };
    return false;
  });
  return found;
}

/** Selects the text of top-level block `index` and scrolls it to the middle of the screen. */
export function jumpToBlock(editor: Editor, index: number): boolean {
  const { doc } = editor.state;
  if (!Number.isInteger(index) || index < 0 || index >= doc.childCount) return false;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += doc.child(i).nodeSize;
  const range = textRange(doc.child(index), offset);
  const chain = editor.chain().focus(undefined, { scrollIntoView: false });
  if (range) chain.setTextSelection(range);
  chain.run();
  // The sticky header and toolbar would hide a block scrolled only "into view".
  const dom = editor.view.nodeDOM(offset);
  if (dom instanceof HTMLElement) {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    dom.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  } else {
    editor.commands.scrollIntoView();
  }
  return true;
}

/** What the link dialog does to the document: the link under the selection, set or removed. */
import type { Editor } from '@tiptap/core';

/** The href of the link at the selection, or "" when there is none. */
export function currentLinkHref(editor: Editor): string {
  const href: unknown = editor.getAttributes('link').href;
  return typeof href === 'string' ? href : '';
}

/**
 * Links the selection (the whole link when the caret is inside one). With
 * nothing selected and no link there, the address is inserted as linked text.
 */
export function applyLink(editor: Editor, href: string): void {
  const insertText = editor.state.selection.empty && !editor.isActive('link');
  const chain = editor.chain().focus();
  if (insertText) {
    const text = href.replace(/^mailto:/, '');
    chain.insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run();
  } else {
    chain.extendMarkRange('link').setLink({ href }).run();
  }
}

export function removeLink(editor: Editor): void {
  editor.chain().focus().extendMarkRange('link').unsetLink().run();
}

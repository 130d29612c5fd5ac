/** Mod-K asks for a link, like most editors; view-only, so it lives in the client. */
import { Extension, type Editor } from '@tiptap/core';

export interface LinkShortcutOptions {
  onRequestLink: (editor: Editor) => void;
}

export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: 'linkShortcut',
  addOptions() {
    return { onRequestLink: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onRequestLink(this.editor);
        return true;
      },
    };
  },
});

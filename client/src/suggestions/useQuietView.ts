import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';

export interface QuietView {
  doc: PmNode;
  from: number;
  to: number;
}

/** How long the editor must be quiet before the view is read again. */
const quietMs = 150;

/**
 * The editor's document and selection, read again once transactions pause:
 * listing suggestions walks the whole document, which a keystroke in a long
 * essay must not wait for.
 */
export function useQuietView(editor: Editor | null): QuietView | null {
  const [view, setView] = useState<QuietView | null>(null);
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      const { doc, selection } = editor.state;
      setView({ doc, from: selection.from, to: selection.to });
    };
    read();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onTransaction = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(read, quietMs);
    };
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer) clearTimeout(timer);
      setView(null);
    };
  }, [editor]);
  return view;
}

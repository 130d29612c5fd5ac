import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { countDocument, type DocumentCounts } from './documentCounts.ts';

/**
 * Word and character counts of the editor's document, refreshed at most every
 * `intervalMs` while it changes: a count is cheap (documentCounts.ts), a
 * re-render of the page on every keystroke is not.
 */
export function useDocumentCounts(editor: Editor | null, intervalMs = 400): DocumentCounts {
  const [counts, setCounts] = useState<DocumentCounts>({ words: 0, characters: 0 });
  useEffect(() => {
    if (!editor) return;
    const measure = () => {
      const next = countDocument(editor.state.doc);
      // The same counts (most formatting changes) need no render.
      setCounts((now) =>
        now.words === next.words && now.characters === next.characters ? now : next,
      );
    };
    measure();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        measure();
      }, intervalMs);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      clearTimeout(timer);
    };
  }, [editor, intervalMs]);
  return counts;
}

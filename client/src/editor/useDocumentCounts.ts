import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';

export interface DocumentCounts {
  words: number;
  characters: number;
}

/**
 * Word and character counts of the editor's document, refreshed at most every
 * `intervalMs` while it changes. Counting walks the whole document: on a long
 * essay, doing it on every keystroke made typing lag.
 */
export function useDocumentCounts(editor: Editor | null, intervalMs = 400): DocumentCounts {
  const [counts, setCounts] = useState<DocumentCounts>({ words: 0, characters: 0 });
  useEffect(() => {
    if (!editor) return;
    const measure = () =>
      setCounts({
        words: editor.storage.characterCount.words(),
        characters: editor.storage.characterCount.characters(),
      });
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

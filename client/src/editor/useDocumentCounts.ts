import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { DocumentCounts } from './documentCounts.ts';
import { watchDocumentCounts } from './watchDocumentCounts.ts';

/** The editor's word and character counts, kept current by `watchDocumentCounts`. */
export function useDocumentCounts(editor: Editor | null, intervalMs = 400): DocumentCounts {
  const [counts, setCounts] = useState<DocumentCounts>({ words: 0, characters: 0 });
  useEffect(() => {
    if (!editor) return;
    return watchDocumentCounts(
      editor,
      (next) =>
        // The same counts (most formatting changes) need no render.
        setCounts((now) =>
          now.words === next.words && now.characters === next.characters ? now : next,
        ),
      intervalMs,
    );
  }, [editor, intervalMs]);
  return counts;
}

import { useCallback, useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { watchRestores, type RestoreReport } from './restoreWatcher.ts';
import { undoManagerOf } from './undoHistory.ts';

/**
 * Your words that restores made elsewhere removed, until you dismiss them;
 * restores that removed none of your words say nothing here.
 */
export function useRemovedWords(
  editor: Editor,
  ydoc: Y.Doc,
): { report: RestoreReport | null; dismiss: () => void } {
  const [report, setReport] = useState<RestoreReport | null>(null);
  useEffect(
    () =>
      watchRestores(
        ydoc,
        () => undoManagerOf(editor),
        (next) => {
          if (next.removed.trim() === '') return;
          // A second restore before you dismissed the first: keep every word.
          setReport((shown) =>
            shown ? { mark: next.mark, removed: `${shown.removed}\n${next.removed}` } : next,
          );
        },
      ),
    [editor, ydoc],
  );
  const dismiss = useCallback(() => setReport(null), []);
  return { report, dismiss };
}

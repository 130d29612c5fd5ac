import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { anchorContext } from './anchors.ts';
import { createRestoredAnchorSync } from './restoredAnchorSync.ts';
import type { ThreadStore } from './threadStore.ts';

/** y-tiptap's note on the transactions it makes from Yjs changes. */
interface SyncMeta {
  isUndoRedoOperation?: boolean;
}

/**
 * While this tab may edit: after each of its undos and redos, and whenever the
 * threads change, moves threads onto text the undo or redo brought back.
 */
export function useRestoredAnchors(editor: Editor | null, store: ThreadStore, canEdit: boolean) {
  useEffect(() => {
    if (!editor || !canEdit) return;
    const sync = createRestoredAnchorSync({
      doc: () => (editor.isDestroyed ? null : (anchorContext(editor.state)?.doc ?? null)),
      threads: () => store.getSnapshot().threads,
      send: (threadId, anchor) => store.reanchor(threadId, anchor),
    });
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      const meta = transaction.getMeta(ySyncPluginKey) as SyncMeta | undefined;
      if (meta?.isUndoRedoOperation) sync.check();
    };
    editor.on('transaction', onTransaction);
    const unsubscribe = store.subscribe(sync.check);
    sync.check();
    return () => {
      editor.off('transaction', onTransaction);
      unsubscribe();
      sync.stop();
    };
  }, [editor, store, canEdit]);
}

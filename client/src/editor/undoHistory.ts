import type { Editor } from '@tiptap/core';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** The editor's Yjs undo manager (y-tiptap's undo plugin, from the Collaboration extension). */
export function undoManagerOf(editor: Editor): Y.UndoManager | null {
  if (editor.isDestroyed) return null;
  const state = yUndoPluginKey.getState(editor.state) as
    { undoManager?: Y.UndoManager } | undefined;
  return state?.undoManager ?? null;
}

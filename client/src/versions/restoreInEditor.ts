/**
 * Restoring a version from the editor: the version's content goes into the
 * live draft as this writer's own edit, one step of their undo history, so
 * Mod-Z right after a restore takes back the restore and nothing else.
 */
import type { Editor } from '@tiptap/core';
import { updateYFragment, ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import { RESTORE_MAP, RESTORE_MARK_KEY, type RestoreMark } from '@baton/shared/protocol.ts';
import { undoManagerOf } from '../editor/undoHistory.ts';

/** The y-tiptap binding of an editor with the Collaboration extension. */
function bindingOf(editor: Editor): ProsemirrorBinding | null {
  const state = ySyncPluginKey.getState(editor.state) as
    { binding?: ProsemirrorBinding } | undefined;
  return state?.binding ?? null;
}

/**
 * Makes the draft equal `content` (ProseMirror JSON of a version) with the
 * smallest change, as the server's restore does, in one Yjs transaction that
 * also writes the restore mark. Returns false when the editor is not bound to
 * a live document (nothing was changed).
 */
export function restoreInEditor(editor: Editor, content: unknown, mark: RestoreMark): boolean {
  const binding = bindingOf(editor);
  if (!binding || editor.isDestroyed) return false;
  const node = editor.schema.nodeFromJSON(content);
  const undo = undoManagerOf(editor);
  // Its own undo step: not merged with typing just before or after it.
  undo?.stopCapturing();
  // The sync plugin's origin, so the undo manager records it as this writer's edit;
  // the binding then renders the new content into the editor.
  binding.doc.transact(() => {
    updateYFragment(binding.doc, binding.type, node, binding);
    binding.doc.getMap(RESTORE_MAP).set(RESTORE_MARK_KEY, mark);
  }, ySyncPluginKey);
  undo?.stopCapturing();
  return true;
}

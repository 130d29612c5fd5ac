import { createContext } from 'react';
import type { Editor } from '@tiptap/core';

/**
 * The live editor a restore goes into, and who restores. Provided by the
 * editor page; without it (or while the editor is read-only) a restore is
 * applied by the server instead.
 */
export interface RestoreTarget {
  editor: Editor | null;
  user: { id: string; name: string };
}

export const RestoreTargetContext = createContext<RestoreTarget | null>(null);

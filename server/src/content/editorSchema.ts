/** The ProseMirror schema of the editor, derived from the shared extension list. */
import { documentExtensions } from '@baton/shared/editor.ts';
import { getSchema } from '@tiptap/core';

export const editorSchema = getSchema(documentExtensions());

/** Turns a draft Y.Doc into canonical ProseMirror JSON and plain text, with the shared schema. */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { countWords } from '@baton/shared/text.ts';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

import { editorSchema } from './editorSchema.ts';

export interface DraftContent {
  json: unknown;
  text: string;
  wordCount: number;
}

export function readDraftContent(doc: Y.Doc): DraftContent {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOC_FRAGMENT), editorSchema);
  const text = node.textBetween(0, node.content.size, '\n\n', '\n').trim();
  return { json: node.toJSON(), text, wordCount: countWords(text) };
}

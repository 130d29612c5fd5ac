/** Turns a draft Y.Doc into canonical ProseMirror JSON and plain text, with the shared schema. */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { countWords } from '@baton/shared/text.ts';
import type { Node as PmNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';

import { editorSchema } from './editorSchema.ts';
import { readFragment } from './readFragment.ts';

export interface DraftContent {
  json: unknown;
  text: string;
  wordCount: number;
}

/** The draft as a ProseMirror document, read without changing the Y.Doc. */
export function readDraftNode(doc: Y.Doc): PmNode {
  return readFragment(doc.getXmlFragment(DOC_FRAGMENT), editorSchema);
}

export function readDraftContent(doc: Y.Doc): DraftContent {
  const node = readDraftNode(doc);
  const text = node.textBetween(0, node.content.size, '\n\n', '\n').trim();
  return { json: node.toJSON(), text, wordCount: countWords(text) };
}

/** Turns a draft Y.Doc into canonical ProseMirror JSON and plain text, with the shared schema. */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { countWords } from '@baton/shared/text.ts';
import type * as Y from 'yjs';

import { editorSchema } from './editorSchema.ts';
import { readFragment } from './readFragment.ts';

export interface DraftContent {
  json: unknown;
  text: string;
  wordCount: number;
}

export function readDraftContent(doc: Y.Doc): DraftContent {
  const node = readFragment(doc.getXmlFragment(DOC_FRAGMENT), editorSchema);
  const text = node.textBetween(0, node.content.size, '\n\n', '\n').trim();
  return { json: node.toJSON(), text, wordCount: countWords(text) };
}

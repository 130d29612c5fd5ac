/**
 * Turns a draft Y.Doc into canonical ProseMirror JSON and plain text, with the
 * shared schema. Everything made from a draft for readers, lists and
 * publishing reads it as if every pending suggestion were rejected (SUG-3).
 */
import { documentJson } from '@baton/shared/blockSuggestions.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { listSuggestions, withoutSuggestions } from '@baton/shared/suggestions.ts';
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

/** The draft for readers: pending suggestions left out, and how many there are. */
export interface ReadableDraft {
  node: PmNode;
  pendingSuggestions: number;
}

/** The draft as writers see it, suggestions included, read without changing the Y.Doc. */
export function readDraftNode(doc: Y.Doc): PmNode {
  return readFragment(doc.getXmlFragment(DOC_FRAGMENT), editorSchema);
}

/** The draft as readers would get it if it were published now. */
export function readReadableDraft(doc: Y.Doc): ReadableDraft {
  const draft = readDraftNode(doc);
  const node = withoutSuggestions(draft);
  return { node, pendingSuggestions: node === draft ? 0 : listSuggestions(draft).length };
}

export function readDraftContent(doc: Y.Doc): DraftContent {
  const { node } = readReadableDraft(doc);
  const text = node.textBetween(0, node.content.size, '\n\n', '\n').trim();
  return { json: documentJson(node), text, wordCount: countWords(text) };
}

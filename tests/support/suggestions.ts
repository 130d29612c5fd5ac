/**
 * Suggestions written the way the editor stores them: text runs whose Yjs
 * formatting carries a `suggestionInsert`, `suggestionDelete` or `suggestionFormat` mark.
 */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import type { SuggestionAttrs } from '@baton/shared/suggestionMarks.ts';
import * as Y from 'yjs';

export type Run = [text: string, attributes?: Record<string, unknown>];

/** The attributes of a suggestion by `authorId`. */
export function suggestion(id: string, authorId: string, authorName = 'Someone'): SuggestionAttrs {
  return { id, authorId, authorName, createdAt: '2025-03-01T09:00:00.000Z' };
}

/** Appends a paragraph of formatted runs, the way Tiptap stores one. */
export function appendRuns(doc: Y.Doc, ...runs: Run[]): void {
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.transact(() => {
    fragment.insert(fragment.length, [paragraph]);
    let at = 0;
    for (const [content, attributes] of runs) {
      text.insert(at, content, attributes ?? {});
      at += content.length;
    }
  });
}

/** The XmlText of top-level paragraph `index`. */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const element = doc.getXmlFragment(DOC_FRAGMENT).get(index) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

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

/** Splits top-level paragraph `index` after `offset` characters, as y-tiptap writes a break. */
export function splitParagraph(
  doc: Y.Doc,
  index: number,
  offset: number,
  attributes: Record<string, unknown>,
): void {
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  doc.transact(() => {
    const text = paragraphText(doc, index);
    const tail = text.toString().slice(offset);
    text.delete(offset, tail.length);
    fragment.insert(index + 1, [blockOf('paragraph', attributes, tail)]);
  });
}

/** Replaces top-level block `index` with a `name` block holding the same text, as y-tiptap retypes one. */
export function retypeParagraph(
  doc: Y.Doc,
  index: number,
  name: string,
  attributes: Record<string, unknown>,
): void {
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  doc.transact(() => {
    const text = paragraphText(doc, index).toString();
    fragment.delete(index, 1);
    fragment.insert(index, [blockOf(name, attributes, text)]);
  });
}

/** A block as y-tiptap writes one: an element with attributes, holding one text. */
function blockOf(name: string, attributes: Record<string, unknown>, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as never);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

/**
 * Reads a draft's Y.XmlFragment as a ProseMirror document without changing
 * it. y-tiptap's converter repairs what it cannot read by editing the Y.Doc
 * (it deletes elements and texts that do not fit the schema, and merges
 * neighbouring texts its own client wrote). In an editor those edits are sent
 * like any other; on the server they would be stored nowhere and sent to no
 * one, yet served to fresh clients, so the copies would drift apart. Here,
 * what does not fit is left out of the result and left alone in the document:
 * unknown elements (with their content), unknown marks (the text stays), empty
 * texts and embeds. Everything that fits reads exactly as y-tiptap reads it.
 */
import { Fragment, type Mark, type Node as PmNode, type Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';

/** y-tiptap stores overlapping marks under `name--<8-character hash>`. */
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** The mark a Yjs formatting attribute stands for. */
export const markNameOf = (attribute: string): string =>
  hashedMarkName.exec(attribute)?.[1] ?? attribute;

export function readFragment(fragment: Y.XmlFragment, schema: Schema): PmNode {
  const blocks: PmNode[] = [];
  for (const child of fragment.toArray()) {
    // The document holds blocks only: a text straight under the root fits nowhere.
    if (child instanceof Y.XmlElement) {
      const node = readElement(child, schema);
      if (node) blocks.push(node);
    }
  }
  return schema.topNodeType.create(null, Fragment.fromArray(blocks));
}

function readElement(element: Y.XmlElement, schema: Schema): PmNode | null {
  const children: PmNode[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = readElement(child, schema);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      children.push(...readText(child, schema));
    }
  }
  try {
    return schema.node(element.nodeName, element.getAttributes(), children);
  } catch {
    return null; // an unknown node type, or an attribute it requires is missing
  }
}

function readText(text: Y.XmlText, schema: Schema): PmNode[] {
  const nodes: PmNode[] = [];
  for (const { insert, attributes } of text.toDelta() as Array<{
    insert: unknown;
    attributes?: Record<string, unknown>;
  }>) {
    if (typeof insert !== 'string' || insert === '') continue;
    nodes.push(schema.text(insert, readMarks(attributes, schema)));
  }
  return nodes;
}

function readMarks(attributes: Record<string, unknown> | undefined, schema: Schema): Mark[] {
  const marks: Mark[] = [];
  for (const [name, attrs] of Object.entries(attributes ?? {})) {
    const markName = markNameOf(name);
    try {
      marks.push(schema.mark(markName, attrs as Record<string, unknown> | null));
    } catch {
      // an unknown mark: the text keeps its other formatting
    }
  }
  return marks;
}

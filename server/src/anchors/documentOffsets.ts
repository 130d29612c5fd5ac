/**
 * Maps positions in a draft's XmlFragment to offsets in its plain text, in
 * document order, so an anchor (two relative positions) can be turned into the
 * text it covers, across paragraphs. Blocks are separated by one newline.
 */
import * as Y from 'yjs';

interface TypeOffsets {
  /** Offset where this type's content starts. */
  start: number;
  /** For elements and the fragment: offset before each child, plus one after the last. */
  childStarts: number[];
}

export class DocumentOffsets {
  private readonly offsets = new Map<object, TypeOffsets>();
  readonly text: string;

  constructor(fragment: Y.XmlFragment) {
    const pieces: string[] = [];
    let length = 0;
    const push = (piece: string) => {
      pieces.push(piece);
      length += piece.length;
    };
    const walk = (type: Y.XmlFragment | Y.XmlElement | Y.XmlText): void => {
      if (type instanceof Y.XmlText) {
        this.offsets.set(type, { start: length, childStarts: [] });
        for (const op of type.toDelta() as Array<{ insert: unknown }>) {
          push(typeof op.insert === 'string' ? op.insert : '\ufffc');
        }
        return;
      }
      const entry: TypeOffsets = { start: length, childStarts: [] };
      this.offsets.set(type, entry);
      const children = type.toArray();
      children.forEach((child, i) => {
        if (i > 0 && child instanceof Y.XmlElement) push('\n');
        entry.childStarts.push(length);
        if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
      });
      entry.childStarts.push(length);
    };
    walk(fragment);
    this.text = pieces.join('');
  }

  /** The text offset of an absolute position, or null if its type is not in this fragment. */
  offsetOf(position: Y.AbsolutePosition): number | null {
    const entry = this.offsets.get(position.type);
    if (!entry) return null;
    if (position.type instanceof Y.XmlText) return entry.start + position.index;
    return entry.childStarts[position.index] ?? entry.childStarts.at(-1) ?? entry.start;
  }
}

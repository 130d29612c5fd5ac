/**
 * Word and character counts of a document, counted block by block and kept
 * per block node. ProseMirror shares unchanged nodes between states, so after
 * a keystroke only the paragraph typed in is counted again: on a
 * 100,000-word essay a full count takes milliseconds, enough to hold up the
 * next keystroke.
 *
 * The counts equal counting the whole document's text at once (Tiptap's
 * CharacterCount: characters without block separators, words with a space
 * between blocks and for each leaf), because no word runs across a block
 * boundary.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { countWords } from '@baton/shared/text.ts';

export interface DocumentCounts {
  words: number;
  characters: number;
}

/** What a leaf node (a rule, a line break) stands for in the text. */
const LEAF_TEXT = ' ';

const counted = new WeakMap<PmNode, DocumentCounts>();

function countBlock(block: PmNode): DocumentCounts {
  let known = counted.get(block);
  if (!known) {
    const size = block.content.size;
    known = block.isLeaf
      ? { words: countWords(LEAF_TEXT), characters: LEAF_TEXT.length }
      : {
          words: countWords(block.textBetween(0, size, ' ', LEAF_TEXT)),
          characters: block.textBetween(0, size, undefined, LEAF_TEXT).length,
        };
    counted.set(block, known);
  }
  return known;
}

export function countDocument(doc: PmNode): DocumentCounts {
  const total = { words: 0, characters: 0 };
  doc.forEach((block) => {
    const { words, characters } = countBlock(block);
    total.words += words;
    total.characters += characters;
  });
  return total;
}

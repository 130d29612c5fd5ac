/**
 * One author typing into a Tiptap paragraph word by word, the way people
 * write: mostly new words at the end, sometimes a typo deleted and retyped,
 * sometimes a word set in bold or italics (Tiptap stores marks as attributes).
 */
import type * as Y from 'yjs';
import type { Random } from './random.ts';
import { nextWord } from './words.ts';

const marks = ['bold', 'italic'] as const;

export type EditKind = 'insert' | 'delete' | 'format';

/** Types one word at the end of `text` (with a leading space when needed). */
export function typeWord(text: Y.XmlText, word: string): void {
  const at = text.length;
  text.insert(at, at === 0 ? word : ` ${word}`);
}

/** One edit: an insert mostly, a deletion or a formatting change now and then. Returns its kind. */
export function editOnce(text: Y.XmlText, random: Random): EditKind {
  const length = text.length;
  const roll = random.next();
  if (length > 40 && roll < 0.08) {
    // A typo: delete the end of the last word (it will be retyped by later inserts).
    const cut = random.int(1, Math.min(8, length));
    text.delete(length - cut, cut);
    return 'delete';
  }
  if (length > 40 && roll < 0.12) {
    const from = random.int(0, length - 10);
    text.format(from, random.int(3, 9), { [random.pick(marks)]: {} });
    return 'format';
  }
  typeWord(text, nextWord(random));
  return 'insert';
}

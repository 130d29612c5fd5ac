/**
 * The large document: an essay typed word by word by three authors who take
 * turns on paragraphs, fix typos (deletions), set words in bold or italics and
 * revise each other's earlier paragraphs, in Tiptap's shape (XmlFragment
 * `default` of `paragraph` and `heading` elements holding XmlText).
 *
 * The authors share one Y.Doc and switch its clientID before each edit: the
 * result is the same history three always-synced editors would produce, at a
 * third of the cost.
 */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import * as Y from 'yjs';
import { Random } from './random.ts';
import { sentence } from './words.ts';

const authors = [1001, 1002, 1003];

export interface Essay {
  update: Uint8Array;
  words: number;
  paragraphs: number;
  edits: number;
}

export function buildEssay(targetWords: number, seed: number): Essay {
  const random = new Random(seed);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  const texts: Y.XmlText[] = [];
  let words = 0;
  let edits = 0;
  let sinceHeading = 0;
  const as = (author: number, change: () => void) => {
    doc.clientID = author;
    doc.transact(change);
    edits++;
  };

  while (words < targetWords) {
    const author = random.pick(authors);
    const heading = sinceHeading > random.int(10, 20);
    sinceHeading = heading ? 0 : sinceHeading + 1;
    const text = new Y.XmlText();
    as(author, () => {
      const element = new Y.XmlElement(heading ? 'heading' : 'paragraph');
      if (heading) element.setAttribute('level', '2');
      element.insert(0, [text]);
      fragment.insert(fragment.length, [element]);
    });
    texts.push(text);
    const budget = heading ? random.int(2, 6) : random.int(40, 160);
    let typed = 0;
    while (typed < budget && words < targetWords) {
      for (const word of heading ? ['Part', String(texts.length)] : sentence(random)) {
        if (typed >= budget || words >= targetWords) break;
        typeOne(text, word, random, (change) => as(author, change));
        typed++;
        words++;
      }
    }
    // Now and then another author revises an earlier paragraph: one word out, one in.
    if (texts.length > 3 && random.chance(0.3)) {
      const target = random.pick(texts);
      if (target.length > 20) {
        const at = random.int(0, target.length - 10);
        as(random.pick(authors), () => {
          target.delete(at, 4);
          target.insert(at, 'then');
        });
      }
    }
  }
  const update = Y.encodeStateAsUpdate(doc);
  const paragraphs = fragment.length;
  doc.destroy();
  return { update, words, paragraphs, edits };
}

/** Types one word; sometimes a typo first (typed, then deleted), sometimes formatted after. */
function typeOne(
  text: Y.XmlText,
  word: string,
  random: Random,
  edit: (change: () => void) => void,
): void {
  const space = text.length === 0 ? '' : ' ';
  if (random.chance(0.04)) {
    const typo = `${word.slice(0, -1)}${word.slice(-1) === 'e' ? 'a' : 'e'}x`;
    const at = text.length;
    edit(() => text.insert(at, space + typo));
    edit(() => text.delete(at, space.length + typo.length));
  }
  const at = text.length + space.length;
  edit(() => text.insert(text.length, space + word));
  if (random.chance(0.02)) {
    edit(() => text.format(at, word.length, { [random.chance(0.5) ? 'bold' : 'italic']: {} }));
  }
}

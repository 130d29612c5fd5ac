import { DOC_FRAGMENT, RESTORE_MAP } from '@baton/shared/protocol.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdateAsIs } from '../store/applyUpdateAsIs.ts';
import { SuggestionGate } from './suggestionGate.ts';

const mine = { id: 's1', authorId: 'cora', authorName: 'Cora', createdAt: '2025-03-01T09:00:00Z' };
const theirs = { ...mine, id: 's2', authorId: 'bo', authorName: 'Bo' };
const link = {
  href: 'https://example.com/',
  target: null,
  rel: 'noopener',
  class: null,
  title: null,
};
/** A format suggestion recording `before` (the marks as ProseMirror JSON). */
const format = (who: typeof mine, before: unknown[]) => ({
  ...who,
  id: `${who.id}-f`,
  before: JSON.stringify(before),
});

/** A live document with one paragraph, a writer's copy of it, and the gate. */
function setup(runs: Array<[string, Record<string, unknown>?]> = [['The quiet harbour.']]) {
  const live = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  live.getXmlFragment(DOC_FRAGMENT).insert(0, [paragraph]);
  let at = 0;
  for (const [content, attributes] of runs) {
    text.insert(at, content, attributes ?? {});
    at += content.length;
  }
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(live));
  const gate = new SuggestionGate(live);
  /** Makes `change` on the writer's copy; the room applies it if the gate admits it. */
  const attempt = (change: (text: Y.XmlText, doc: Y.Doc) => void): boolean => {
    const before = Y.encodeStateVector(writer);
    writer.transact(() => change(writerText(), writer));
    const update = Y.encodeStateAsUpdate(writer, before);
    const admitted = gate.admits(update, 'cora');
    if (admitted) applyUpdateAsIs(live, update);
    return admitted;
  };
  const writerText = () =>
    (writer.getXmlFragment(DOC_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const liveText = () => text;
  return { live, writer, gate, attempt, liveText };
}

describe('what a suggestions-only writer may write', () => {
  it('SUG-4 their own proposed text, also typed on without new formatting, and inside bold text', () => {
    const { attempt, liveText } = setup([['The '], ['quiet', { bold: {} }], [' harbour.']]);
    expect(attempt((t) => t.insert(4, 'very ', { suggestionInsert: mine }))).toBe(true);
    // The next keystroke inherits the formatting where it lands: no format marker of its own.
    expect(attempt((t) => t.insert(9, 'very '))).toBe(true);
    expect(attempt((t) => t.insert(16, 'ly', { bold: {}, suggestionInsert: mine }))).toBe(true);
    expect(liveText().toDelta()).toEqual([
      { insert: 'The ' },
      { insert: 'very very ', attributes: { suggestionInsert: mine } },
      { insert: 'qu', attributes: { bold: {} } },
      { insert: 'ly', attributes: { bold: {}, suggestionInsert: mine } },
      { insert: 'iet', attributes: { bold: {} } },
      { insert: ' harbour.' },
    ]);
  });

  it('SUG-4 marking existing text for deletion in their own name, and taking that back', () => {
    const { attempt } = setup();
    expect(attempt((t) => t.format(4, 6, { suggestionDelete: mine }))).toBe(true);
    expect(attempt((t) => t.format(4, 6, { suggestionDelete: null }))).toBe(true);
  });

  it('SUG-4 taking back their own proposed text', () => {
    const { attempt, liveText } = setup([['A '], ['new ', { suggestionInsert: mine }], ['day']]);
    expect(attempt((t) => t.delete(2, 4))).toBe(true);
    expect(liveText().toString()).toBe('A day');
  });

  it('SUG-4 refuses plain text, text in someone else’s name, deletions and reformatting', () => {
    const refused: Array<(t: Y.XmlText, doc: Y.Doc) => void> = [
      (t) => t.insert(4, 'plain '),
      (t) => t.insert(4, 'forged ', { suggestionInsert: theirs }),
      (t) => t.delete(0, 4),
      (t) => t.format(4, 5, { bold: {} }),
      (t) => t.format(4, 5, { suggestionDelete: theirs }),
      (t) => t.format(4, 5, { suggestionInsert: mine }),
      (t) => t.setAttribute('data-x', 'y'),
      (_t, doc) => doc.getXmlFragment(DOC_FRAGMENT).insert(1, [new Y.XmlElement('paragraph')]),
      (_t, doc) => doc.getMap(RESTORE_MAP).set('last', { version: 1 }),
      (_t, doc) => doc.getText('elsewhere').insert(0, 'x', { suggestionInsert: mine }),
    ];
    for (const change of refused) {
      const { attempt, live } = setup();
      const before = Y.encodeStateAsUpdate(live);
      expect(attempt(change), change.toString()).toBe(false);
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    }
  });

  it('SUG-4 refuses taking back or deleting someone else’s suggestions', () => {
    const { attempt } = setup([['A '], ['new ', { suggestionInsert: theirs }], ['day']]);
    expect(attempt((t) => t.delete(2, 4))).toBe(false);
    const other = setup([['A '], ['old ', { suggestionDelete: theirs }], ['day']]);
    expect(other.attempt((t) => t.format(2, 4, { suggestionDelete: null }))).toBe(false);
  });

  it('SUG-4 after a refusal the gate judges the next writer against the live document', () => {
    const { gate, live, liveText } = setup();
    const rogue = new Y.Doc();
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(live));
    const rogueText = (rogue.getXmlFragment(DOC_FRAGMENT).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    const before = Y.encodeStateVector(rogue);
    rogueText.insert(0, 'Plain. ');
    expect(gate.admits(Y.encodeStateAsUpdate(rogue, before), 'cora')).toBe(false);
    // Another writer who never saw the refused text suggests at the same place.
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(live));
    const honestText = (honest.getXmlFragment(DOC_FRAGMENT).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    const start = Y.encodeStateVector(honest);
    honestText.insert(0, 'Proposed. ', { suggestionInsert: mine });
    const update = Y.encodeStateAsUpdate(honest, start);
    expect(gate.admits(update, 'cora')).toBe(true);
    applyUpdateAsIs(live, update);
    expect(liveText().toDelta()).toEqual([
      { insert: 'Proposed. ', attributes: { suggestionInsert: mine } },
      { insert: 'The quiet harbour.' },
    ]);
  });
});

describe('suggested formatting', () => {
  it('SUG-6 bold under their own format mark that records the marks before; changing it again; withdrawing it', () => {
    const { attempt, liveText } = setup([['The '], ['quiet', { italic: {}, link }], [' harbour.']]);
    const record = [{ type: 'italic' }, { type: 'link', attrs: link }];
    expect(
      attempt((t) => t.format(4, 5, { bold: {}, suggestionFormat: format(mine, record) })),
    ).toBe(true);
    // Taking italic off too: the mark still records what the text had at first.
    expect(attempt((t) => t.format(4, 5, { italic: null }))).toBe(true);
    expect(liveText().toDelta()[1]).toEqual({
      insert: 'quiet',
      attributes: { link, bold: {}, suggestionFormat: format(mine, record) },
    });
    // Withdrawing: the recorded formatting back, the mark gone.
    expect(attempt((t) => t.format(4, 5, { bold: null, italic: {}, suggestionFormat: null }))).toBe(
      true,
    );
    expect(liveText().toDelta()[1]).toEqual({ insert: 'quiet', attributes: { italic: {}, link } });
  });

  it('SUG-6 a link written without its default attributes is recorded as the editor reads it', () => {
    const { attempt } = setup([['The '], ['quiet', { link: { href: 'https://example.com/' } }]]);
    const record = [{ type: 'link', attrs: { ...link, rel: 'noopener noreferrer nofollow' } }];
    expect(
      attempt((t) => t.format(4, 5, { bold: {}, suggestionFormat: format(mine, record) })),
    ).toBe(true);
  });

  it('SUG-6 taking over someone else’s format suggestion keeps what it recorded', () => {
    const { attempt } = setup([
      ['The '],
      ['quiet', { bold: {}, suggestionFormat: format(theirs, []) }],
    ]);
    expect(attempt((t) => t.format(4, 5, { italic: {}, suggestionFormat: format(mine, []) }))).toBe(
      true,
    );
  });

  it('SUG-6 formatting their own proposed text needs no format mark', () => {
    const { attempt } = setup([['The '], ['very ', { suggestionInsert: mine }], ['quiet']]);
    expect(attempt((t) => t.format(4, 5, { bold: {} }))).toBe(true);
  });

  it('SUG-6 refuses unmarked formatting, a false record, marks in someone else’s name and settling others’ suggestions', () => {
    const refused: Array<(t: Y.XmlText) => void> = [
      (t) => t.format(4, 5, { bold: {} }),
      (t) => t.format(0, 3, { link: null }),
      // Records bold, which the text never had: rejecting it would make the text bold.
      (t) => t.format(4, 5, { italic: {}, suggestionFormat: format(mine, [{ type: 'bold' }]) }),
      (t) => t.format(4, 5, { bold: {}, suggestionFormat: format(mine, []).before }),
      (t) => t.format(4, 5, { bold: {}, suggestionFormat: { ...format(mine, []), before: '{' } }),
      (t) => t.format(4, 5, { bold: {}, suggestionFormat: format(theirs, []) }),
      // Accepting (dropping the mark, keeping the formatting) is not theirs to do.
      (t) => t.format(10, 4, { suggestionFormat: null }),
      // Nor rejecting someone else's.
      (t) => t.format(10, 4, { italic: null, suggestionFormat: null }),
      (t) => t.format(10, 4, { bold: {} }),
    ];
    for (const change of refused) {
      const { attempt, live } = setup([
        ['The', { link }],
        [' quiet '],
        ['wide', { italic: {}, suggestionFormat: format(theirs, []) }],
      ]);
      const before = Y.encodeStateAsUpdate(live);
      expect(attempt(change), change.toString()).toBe(false);
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    }
  });
});

/** The document fragment of a writer's copy. */
const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment(DOC_FRAGMENT);

/** A new block as y-tiptap writes one: an element with attributes, holding one text. */
function block(name: string, attributes: Record<string, unknown>, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as never);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

/** A paragraph break after `offset` characters, as y-tiptap writes it: the tail moves to a new block. */
const splitAt =
  (offset: number, attributes: Record<string, unknown>, name = 'paragraph') =>
  (t: Y.XmlText, doc: Y.Doc) => {
    const tail = t.toString().slice(offset);
    t.delete(offset, tail.length);
    fragmentOf(doc).insert(1, [block(name, attributes, tail)]);
  };

/** The first block replaced by a block of another type with the same text. */
const retype =
  (name: string, attributes: Record<string, unknown>) => (t: Y.XmlText, doc: Y.Doc) => {
    const text = t.toString();
    fragmentOf(doc).delete(0, 1);
    fragmentOf(doc).insert(0, [block(name, attributes, text)]);
  };

describe('block suggestions from a suggestions-only writer', () => {
  it('SUG-8 a paragraph break and a type change of their own, recorded truly, are admitted', () => {
    const { attempt, live } = setup();
    expect(attempt(splitAt(9, { blockSuggestion: { ...mine, split: true } }))).toBe(true);
    const added = fragmentOf(live).get(1) as Y.XmlElement;
    expect(added.getAttribute('blockSuggestion')).toEqual({ ...mine, split: true });
    expect(added.toArray().join('')).toBe(' harbour.');
    const second = setup();
    const heading = { level: 2, blockSuggestion: { ...mine, before: { type: 'paragraph' } } };
    expect(second.attempt(retype('heading', heading))).toBe(true);
    expect((fragmentOf(second.live).get(0) as Y.XmlElement).nodeName).toBe('heading');
  });

  it('SUG-8 refuses a break or type change not recorded as theirs, a false record, and what the draft cannot hold', () => {
    const refused: Array<(t: Y.XmlText, doc: Y.Doc) => void> = [
      splitAt(9, {}),
      splitAt(9, { blockSuggestion: { ...theirs, split: true } }),
      retype('heading', { level: 2 }),
      retype('heading', {
        level: 2,
        blockSuggestion: { ...theirs, before: { type: 'paragraph' } },
      }),
      // Rejecting it would give a level 1 heading, not the paragraph there was.
      retype('heading', {
        level: 2,
        blockSuggestion: { ...mine, before: { type: 'heading', attrs: { level: 1 } } },
      }),
      // Reading the draft leaves these out: hidden in the document, they would be refused nowhere.
      splitAt(9, { blockSuggestion: { ...mine, split: true }, onclick: 'x' }),
      splitAt(9, { blockSuggestion: { ...mine, split: true } }, 'blockquote'),
      (t, doc) => fragmentOf(doc).insert(1, [block('script', {}, 'alert(1)')]),
      (t) => t.insert(3, ' sly', { suggestionInsert: mine, blink: {} }),
      (t, doc) => doc.getMap('elsewhere').set('k', 'v'),
    ];
    for (const change of refused) {
      const { attempt, live } = setup();
      const before = Y.encodeStateAsUpdate(live);
      expect(attempt(change), change.toString()).toBe(false);
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    }
  });
});

describe('suggested joins from a suggestions-only writer', () => {
  /** The setup with a second paragraph, "Second.", in both copies. */
  function twoParagraphs() {
    const setupped = setup();
    fragmentOf(setupped.live).insert(1, [block('paragraph', {}, 'Second.')]);
    Y.applyUpdate(setupped.writer, Y.encodeStateAsUpdate(setupped.live));
    return setupped;
  }
  const second = (doc: Y.Doc) => fragmentOf(doc).get(1) as Y.XmlElement;

  it('SUG-9 the break before a paragraph marked to go in their own name is admitted', () => {
    const { attempt, live } = twoParagraphs();
    const join = { ...mine, join: true };
    expect(attempt((t, doc) => second(doc).setAttribute('blockSuggestion', join as never))).toBe(
      true,
    );
    expect(second(live).getAttribute('blockSuggestion')).toEqual(join);
  });

  it('SUG-9 refuses a join in someone else’s name, and the join itself', () => {
    const refused: Array<(t: Y.XmlText, doc: Y.Doc) => void> = [
      (t, doc) => second(doc).setAttribute('blockSuggestion', { ...theirs, join: true } as never),
      (t, doc) => {
        const tail = (second(doc).get(0) as Y.XmlText).toString();
        fragmentOf(doc).delete(1, 1);
        t.insert(t.length, tail);
      },
    ];
    for (const change of refused) {
      const { attempt, live } = twoParagraphs();
      const before = Y.encodeStateAsUpdate(live);
      expect(attempt(change), change.toString()).toBe(false);
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    }
  });
});

describe('breaks in lists from a suggestions-only writer', () => {
  /** A live document holding a list of one item, "First item", a writer's copy, and the gate. */
  function listSetup() {
    const live = new Y.Doc();
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [block('paragraph', {}, 'First item')]);
    list.insert(0, [item]);
    fragmentOf(live).insert(0, [list]);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(live));
    const gate = new SuggestionGate(live);
    const writerList = () => fragmentOf(writer).get(0) as Y.XmlElement;
    /** Enter after "First": the tail moves into a new item holding `inner` (a paragraph by default). */
    const splitItem = (attributes: Record<string, unknown>, inner = 'paragraph') => {
      const before = Y.encodeStateVector(writer);
      writer.transact(() => {
        const text = ((writerList().get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(
          0,
        ) as Y.XmlText;
        text.delete(5, 5);
        const item = new Y.XmlElement('listItem');
        item.insert(0, [block(inner, attributes, ' item')]);
        writerList().insert(1, [item]);
      });
      const update = Y.encodeStateAsUpdate(writer, before);
      const admitted = gate.admits(update, 'cora');
      if (admitted) applyUpdateAsIs(live, update);
      return admitted;
    };
    return { live, splitItem };
  }

  it('SUG-8 a new list item whose break is theirs is admitted', () => {
    const { live, splitItem } = listSetup();
    expect(splitItem({ blockSuggestion: { ...mine, split: true } })).toBe(true);
    expect((fragmentOf(live).get(0) as Y.XmlElement).length).toBe(2);
  });

  it('SUG-8 refuses a new item without their break, in someone else’s name, or holding another block', () => {
    const refused: Array<[Record<string, unknown>, string?]> = [
      [{}],
      [{ blockSuggestion: { ...theirs, split: true } }],
      [{ blockSuggestion: { ...mine, split: true } }, 'blockquote'],
    ];
    for (const [attributes, inner] of refused) {
      const { live, splitItem } = listSetup();
      const before = Y.encodeStateAsUpdate(live);
      expect(splitItem(attributes, inner), JSON.stringify(attributes)).toBe(false);
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    }
  });
});

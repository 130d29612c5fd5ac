import { DOC_FRAGMENT, RESTORE_MAP } from '@baton/shared/protocol.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdateAsIs } from '../store/applyUpdateAsIs.ts';
import { SuggestionGate } from './suggestionGate.ts';

const mine = { id: 's1', authorId: 'cora', authorName: 'Cora', createdAt: '2025-03-01T09:00:00Z' };
const theirs = { ...mine, id: 's2', authorId: 'bo', authorName: 'Bo' };

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

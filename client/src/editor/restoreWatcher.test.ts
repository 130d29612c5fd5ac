import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FRAGMENT, RESTORE_MAP, RESTORE_MARK_KEY } from '@baton/shared/protocol.ts';
import { watchRestores, type RestoreReport } from './restoreWatcher.ts';

const mark = { version: 1, userId: 'u-olive', name: 'Olive', at: '2026-12-05T12:00:00.000Z' };
const remote = Symbol('provider');

/** Sends everything `from` has that `to` lacks, as a provider would (a remote transaction). */
function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), remote);
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

const textOf = (doc: Y.Doc, index: number) =>
  ((doc.getXmlFragment(DOC_FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText).toString();

/** Replaces the whole draft with `paragraphs` and marks it as a restore, as both restore paths do. */
function restore(doc: Y.Doc, paragraphs: string[]) {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DOC_FRAGMENT);
    fragment.delete(0, fragment.length);
    fragment.insert(0, paragraphs.map(paragraph));
    doc.getMap(RESTORE_MAP).set(RESTORE_MARK_KEY, mark);
  });
}

/** Olive's tab and Bea's tab, synced, with a paragraph each. */
function twoWriters() {
  const olive = new Y.Doc();
  const bea = new Y.Doc();
  olive.getXmlFragment(DOC_FRAGMENT).insert(0, [paragraph('The night shift handed me the baton.')]);
  sync(olive, bea);
  bea.getXmlFragment(DOC_FRAGMENT).insert(1, [paragraph('I carried it down the corridor.')]);
  sync(bea, olive);
  const reports: RestoreReport[] = [];
  const undo = new Y.UndoManager(bea.getXmlFragment(DOC_FRAGMENT));
  const stop = watchRestores(
    bea,
    () => undo,
    (report) => reports.push(report),
  );
  return { olive, bea, reports, undo, stop };
}

describe('watchRestores', () => {
  it('RESTORE-2 tells a writer which of their words a restore made elsewhere removed', () => {
    const { olive, bea, reports } = twoWriters();
    restore(olive, ['The night shift handed me the baton.']);
    sync(olive, bea);
    expect(reports).toEqual([{ mark, removed: 'I carried it down the corridor.' }]);
  });

  it('RESTORE-2 also words typed at the same moment, which the restore never saw', () => {
    const { olive, bea, reports } = twoWriters();
    // Bea types into her paragraph while Olive's restore (which drops it) is on its way.
    const beaText = (bea.getXmlFragment(DOC_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    beaText.insert(beaText.length, ' Nobody asked why.');
    restore(olive, ['The night shift handed me the baton.']);
    sync(olive, bea);
    sync(bea, olive);
    // Yjs merges her late words into the deleted paragraph: gone for everyone...
    expect(olive.getXmlFragment(DOC_FRAGMENT).length).toBe(1);
    expect(textOf(bea, 0)).toBe('The night shift handed me the baton.');
    // ...but not unnoticed.
    expect(reports.map((r) => r.removed)).toEqual([
      'I carried it down the corridor. Nobody asked why.',
    ]);
  });

  it('RESTORE-2 puts a line break between removed paragraphs', () => {
    const { olive, bea, reports } = twoWriters();
    bea.getXmlFragment(DOC_FRAGMENT).insert(2, [paragraph('By dawn it was gone.')]);
    sync(bea, olive);
    restore(olive, ['Something else entirely.']);
    sync(olive, bea);
    expect(reports[0]?.removed).toBe('I carried it down the corridor.\nBy dawn it was gone.');
  });

  it('RESTORE-2 does not count a paragraph the restore put back word for word', () => {
    const { olive, bea, reports } = twoWriters();
    // Bea's editor re-writes Olive's paragraph with the same text (as its own items).
    const fragment = bea.getXmlFragment(DOC_FRAGMENT);
    bea.transact(() => {
      fragment.delete(0, 1);
      fragment.insert(0, [paragraph('The night shift handed me the baton.')]);
    });
    sync(bea, olive);
    restore(olive, ['The night shift handed me the baton.']);
    sync(olive, bea);
    expect(reports.map((r) => r.removed)).toEqual(['I carried it down the corridor.']);
  });

  it('RESTORE-2 reports only the lost words when the editor wrote them into the same text as a restored paragraph', () => {
    const { olive, bea, reports } = twoWriters();
    // Bea's editor re-writes Olive's paragraph and her new words into one text (as its own items).
    const fragment = bea.getXmlFragment(DOC_FRAGMENT);
    bea.transact(() => {
      fragment.delete(0, 1);
      fragment.insert(0, [paragraph('The night shift handed me the baton.By dawn it was gone.')]);
    });
    sync(bea, olive);
    restore(olive, ['The night shift handed me the baton.']);
    sync(olive, bea);
    // In writing order: Bea's paragraph first, then the text her editor re-wrote.
    expect(reports.map((r) => r.removed)).toEqual([
      'I carried it down the corridor.\nBy dawn it was gone.',
    ]);
  });

  it('RESTORE-2 drops undo history that no longer describes the text', () => {
    const { olive, bea, undo } = twoWriters();
    const fragment = bea.getXmlFragment(DOC_FRAGMENT);
    fragment.delete(0, 1);
    expect(undo.undoStack.length).toBe(1);
    restore(olive, ['The night shift handed me the baton.', 'I carried it down the corridor.']);
    sync(olive, bea);
    expect(undo.undoStack.length).toBe(0);
    // Undo now does nothing, instead of putting the deleted paragraph back on top of the restore.
    undo.undo();
    expect(fragment.length).toBe(2);
  });

  it('RESTORE-2 stays quiet about ordinary edits, restores made in this tab, and old marks', () => {
    const { olive, bea, reports, undo, stop } = twoWriters();
    // Someone deletes Bea's paragraph without restoring anything.
    olive.getXmlFragment(DOC_FRAGMENT).delete(1, 1);
    sync(olive, bea);
    expect(reports).toEqual([]);
    // Bea restores herself: her own undoable edit.
    restore(bea, ['Hers.']);
    expect(reports).toEqual([]);
    expect(undo.undoStack.length).toBeGreaterThan(0);
    stop();

    // A tab opened later receives the old mark with the document: nothing of its own removed.
    const later = new Y.Doc();
    const laterReports: RestoreReport[] = [];
    watchRestores(
      later,
      () => null,
      (report) => laterReports.push(report),
    );
    sync(bea, later);
    expect(laterReports).toEqual([{ mark, removed: '' }]);
  });
});

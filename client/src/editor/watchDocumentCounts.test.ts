import { getSchema } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentExtensions } from '@baton/shared/editor.ts';
import type { DocumentCounts } from './documentCounts.ts';
import { type CountedEditor, watchDocumentCounts } from './watchDocumentCounts.ts';

const schema = getSchema(documentExtensions());
const paragraphs = (...texts: string[]): PmNode =>
  schema.nodeFromJSON({
    type: 'doc',
    content: texts.map((text) =>
      text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
    ),
  });

/** An editor as far as the watch sees one: a document and its update event. */
class DocumentSource implements CountedEditor {
  state = { doc: paragraphs('') };
  private readonly listeners = new Set<() => void>();
  on(_event: 'update', listener: () => void) {
    this.listeners.add(listener);
  }
  off(_event: 'update', listener: () => void) {
    this.listeners.delete(listener);
  }
  change(...texts: string[]) {
    this.state = { doc: paragraphs(...texts) };
    for (const listener of this.listeners) listener();
  }
}

let source: DocumentSource;
let reported: number[];
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  source = new DocumentSource();
  reported = [];
  stop = watchDocumentCounts(source, (counts: DocumentCounts) => reported.push(counts.words), 400);
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('watchDocumentCounts', () => {
  it('counts the document as it arrives, without waiting out the interval after the first count', () => {
    expect(reported).toEqual([0]);
    vi.advanceTimersByTime(50);
    source.change('three small words', 'and two');
    expect(reported).toEqual([0, 5]);
  });

  it('counts at most once per interval while changes keep coming, the last change included', () => {
    source.change('one');
    source.change('one two');
    source.change('one two three');
    expect(reported).toEqual([0, 1]);
    vi.advanceTimersByTime(399);
    source.change('one two three four');
    expect(reported).toEqual([0, 1]);
    vi.advanceTimersByTime(1);
    expect(reported).toEqual([0, 1, 4]);
    vi.advanceTimersByTime(1_000);
    source.change('one two three four five');
    expect(reported).toEqual([0, 1, 4, 5]);
  });

  it('stops counting once stopped', () => {
    source.change('one');
    source.change('one two');
    stop();
    vi.advanceTimersByTime(1_000);
    source.change('one two three');
    expect(reported).toEqual([0, 1]);
  });
});

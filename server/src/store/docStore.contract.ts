/**
 * The DocStore contract, run against every implementation (STORE-n in docs/SPEC.md).
 * Import and call from a `*.test.ts` with a factory for a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from './docStore.ts';

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const capture = (update: Uint8Array) => (captured = update);
  doc.on('update', capture);
  doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', capture);
  if (!captured) throw new Error('no update');
  return captured;
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
}

export function describeDocStoreContract(
  name: string,
  create: () => Promise<DocStore> | DocStore,
): void {
  describe(`DocStore contract: ${name}`, () => {
    let store: DocStore;
    beforeEach(async () => {
      store = await create();
    });
    afterEach(() => store.close());

    it('STORE-1 a new document loads as an empty log', async () => {
      expect(await store.load('nothing-here')).toEqual([]);
    });

    it('STORE-2 appended updates load back in order, per document', async () => {
      const doc = new Y.Doc();
      const updates = ['a', 'b', 'c'].map((t) => textUpdate(doc, t));
      await Promise.all(updates.map((u) => store.append('doc-1', u)));
      await store.append('doc-2', textUpdate(new Y.Doc(), 'other'));
      const loaded = await store.load('doc-1');
      expect(loaded.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
      expect(replay(await store.load('doc-2'))).toBe('other');
    });

    it('STORE-3 compaction keeps the content and shrinks the log to one update', async () => {
      const doc = new Y.Doc();
      for (let i = 0; i < 30; i++) await store.append('doc', textUpdate(doc, `${i},`));
      await store.compact('doc');
      const loaded = await store.load('doc');
      expect(loaded).toHaveLength(1);
      expect(replay(loaded)).toBe(doc.getText('t').toString());
    });

    it('STORE-5 compactions running at once, while updates arrive, keep every update', async () => {
      const doc = new Y.Doc();
      for (let i = 0; i < 20; i++) await store.append('doc', textUpdate(doc, `${i},`));
      const late = ['a', 'b', 'c'].map((t) => textUpdate(doc, t));
      await Promise.all([
        store.compact('doc'),
        store.compact('doc'),
        ...late.map((u) => store.append('doc', u)),
      ]);
      expect(replay(await store.load('doc'))).toBe(doc.getText('t').toString());
    });

    it('STORE-4 updates appended after a compaction come after the merged state', async () => {
      const doc = new Y.Doc();
      await store.append('doc', textUpdate(doc, 'one '));
      await store.append('doc', textUpdate(doc, 'two '));
      await store.compact('doc');
      await store.append('doc', textUpdate(doc, 'three'));
      expect(replay(await store.load('doc'))).toBe('one two three');
    });
  });
}

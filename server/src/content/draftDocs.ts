/**
 * Read access to a draft's current Y.Doc for the API (anchors, later
 * publishing): the live room's document when it is loaded, otherwise a
 * temporary one built from the store.
 */
import { documentJson } from '@baton/shared/blockSuggestions.ts';
import * as Y from 'yjs';
import type { DocStore } from '../store/docStore.ts';
import { applyUpdateAsIs } from '../store/applyUpdateAsIs.ts';
import { readDraftNode } from './draftContent.ts';

/** The documents open on this instance (collab/RoomRegistry), by installment id. */
export interface OpenDocs {
  peek(installmentId: string): { readonly doc: Y.Doc } | undefined;
}

export class DraftDocs {
  constructor(
    private readonly registry: OpenDocs,
    private readonly store: DocStore,
  ) {}

  /** The canonical JSON of the draft when its room is open here; undefined otherwise. */
  liveJson(installmentId: string): unknown {
    const live = this.registry.peek(installmentId);
    return live ? documentJson(readDraftNode(live.doc)) : undefined;
  }

  /** Runs `read` with the draft; the document must not be kept or changed. */
  async read<T>(installmentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.registry.peek(installmentId);
    if (live) return read(live.doc);
    // The room's guid, as the room would have it (and no UUID drawn for it).
    const doc = new Y.Doc({ guid: installmentId });
    try {
      const updates = await this.store.load(installmentId);
      doc.transact(() => {
        for (const update of updates) applyUpdateAsIs(doc, update);
      });
      return read(doc);
    } finally {
      doc.destroy();
    }
  }
}

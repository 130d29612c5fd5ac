import * as Y from 'yjs';
import { applyUpdateAsIs } from './applyUpdateAsIs.ts';

/**
 * Merges a log of updates into one state update by applying them to a scratch
 * document, so deleted content is garbage-collected (Y.mergeUpdates keeps it).
 */
export function mergeUpdateLog(updates: readonly Uint8Array[]): Uint8Array {
  // A fixed guid skips Y.Doc's default UUID (~90 µs of CPU; docs/performance.md § 6).
  const doc = new Y.Doc({ guid: 'merge' });
  try {
    doc.transact(() => {
      for (const update of updates) applyUpdateAsIs(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

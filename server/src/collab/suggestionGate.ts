/**
 * Judges the updates of suggestions-only connections (commenters) before the
 * room applies them (SUG-4). Yjs cannot take an update back, and what an
 * update does (which formatting its text ends up with) shows only once it is
 * integrated, so each one is first applied to a shadow copy of the document
 * and judged there (suggestionRules.ts). The shadow is made on the first such
 * update and follows every change of the live document while a
 * suggestions-only connection is in the room; rooms without one pay nothing.
 * A refused update has reached the shadow, so the shadow is dropped and made
 * again when next needed.
 */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import * as Y from 'yjs';
import { applyUpdateAsIs } from '../store/applyUpdateAsIs.ts';
import { readDraftNode } from '../content/draftContent.ts';
import {
  onlySuggestions,
  onlyTheirSuggestionsChanged,
  writesOnlyBlocks,
} from './suggestionRules.ts';

const judging = Symbol('judging a suggestion');

export class SuggestionGate {
  private shadow: Y.Doc | null = null;
  private readonly follow = (update: Uint8Array) => {
    if (this.shadow) applyUpdateAsIs(this.shadow, update);
  };

  constructor(private readonly live: Y.Doc) {}

  /** Whether `update`, written by `userId`, only adds, takes back or marks their suggestions. */
  admits(update: Uint8Array, userId: string): boolean {
    const shadow = this.shadowDoc();
    let verdict = false;
    let blocksOnly = false;
    const judge = (tr: Y.Transaction) => {
      if (tr.origin !== judging) return;
      const fragment = shadow.getXmlFragment(DOC_FRAGMENT);
      verdict = onlySuggestions(tr, fragment, userId);
      if (!verdict) blocksOnly = writesOnlyBlocks(tr, fragment);
    };
    shadow.on('afterTransaction', judge);
    try {
      applyUpdateAsIs(shadow, update, judging);
      // Block suggestions: judged on the whole draft, read before (the live document has
      // not taken the update yet) and after. Rare, and the cost of a full read each.
      if (!verdict && blocksOnly) {
        verdict = onlyTheirSuggestionsChanged(
          readDraftNode(this.live),
          readDraftNode(shadow),
          userId,
        );
      }
    } catch {
      verdict = false;
    } finally {
      shadow.off('afterTransaction', judge);
    }
    if (!verdict) this.reset();
    return verdict;
  }

  /** The live document did not take an update the shadow took: start again from the live one. */
  reset(): void {
    if (!this.shadow) return;
    this.live.off('update', this.follow);
    this.shadow.destroy();
    this.shadow = null;
  }

  private shadowDoc(): Y.Doc {
    if (this.shadow) return this.shadow;
    // The live document's guid: the default would draw a UUID (docs/performance.md § 6).
    const shadow = new Y.Doc({ guid: this.live.guid });
    // Typed before any update: a transaction then names the fragment itself among its changes.
    shadow.getXmlFragment(DOC_FRAGMENT);
    applyUpdateAsIs(shadow, Y.encodeStateAsUpdate(this.live));
    this.shadow = shadow;
    this.live.on('update', this.follow);
    return shadow;
  }
}

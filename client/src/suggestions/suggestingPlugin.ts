/**
 * The Editing / Suggesting mode as a ProseMirror plugin. Its state says which
 * mode the writer is in and whether they may only suggest (commenters). In
 * Suggesting mode the writer's edits become suggestions (suggestEdits.ts);
 * edits that arrive from Yjs (other writers, undo) and the settling of
 * suggestions (accept, reject) are left as they are.
 */
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { type SuggestOptions, suggestEdits } from './suggestEdits.ts';

export interface SuggestingState {
  suggesting: boolean;
  /** The writer may only suggest (a commenter): always Suggesting, text changes only. */
  suggestionsOnly: boolean;
}

export const suggestingKey = new PluginKey<SuggestingState>('suggesting');

/** Meta for transactions that change the mode, or that settle suggestions (`{ settling: true }`). */
export type SuggestingMeta = Partial<SuggestingState> & { settling?: boolean };

const isRemote = (tr: Transaction) =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
const meta = (tr: Transaction) => tr.getMeta(suggestingKey) as SuggestingMeta | undefined;

/**
 * What a suggestions-only writer's own edits may do, as the server checks it
 * (SUG-4, SUG-6): replace text inside one paragraph, change suggestion marks,
 * and change formatting (which the appended transaction makes their
 * formatting suggestion).
 * Refusing here keeps the editor from sending what the server would refuse
 * (and from losing the connection's right to write).
 */
function allowedForSuggestionsOnly(step: Step, tr: Transaction, index: number): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
  if (!(step instanceof ReplaceStep)) return false;
  const doc = tr.docs[index]!;
  const inOneBlock = doc.resolve(step.from).sameParent(doc.resolve(step.to));
  let textOnly = step.slice.openStart === 0 && step.slice.openEnd === 0;
  step.slice.content.forEach((node) => {
    if (!node.isText) textOnly = false;
  });
  return inOneBlock && textOnly && doc.resolve(step.from).parent.isTextblock;
}

export function suggestingPlugin(options: SuggestOptions): Plugin<SuggestingState> {
  return new Plugin<SuggestingState>({
    key: suggestingKey,
    state: {
      init: () => ({ suggesting: false, suggestionsOnly: false }),
      apply(tr, state) {
        const change = meta(tr);
        if (change?.suggesting === undefined && change?.suggestionsOnly === undefined) return state;
        const suggestionsOnly = change.suggestionsOnly ?? state.suggestionsOnly;
        return {
          suggestionsOnly,
          suggesting: suggestionsOnly || (change.suggesting ?? state.suggesting),
        };
      },
    },
    filterTransaction(tr, state) {
      const mode = suggestingKey.getState(state);
      if (!mode?.suggestionsOnly || !tr.docChanged || isRemote(tr)) return true;
      return tr.steps.every((step, i) => allowedForSuggestionsOnly(step, tr, i));
    },
    appendTransaction(transactions, oldState, newState) {
      if (!suggestingKey.getState(newState)?.suggesting) return null;
      const own = transactions.filter((tr) => tr.docChanged);
      if (own.length === 0 || own.some((tr) => isRemote(tr) || meta(tr) !== undefined)) return null;
      const tr = suggestEdits(transactions, oldState, newState, options);
      return tr?.setMeta(suggestingKey, { settling: false } satisfies SuggestingMeta) ?? null;
    },
  });
}

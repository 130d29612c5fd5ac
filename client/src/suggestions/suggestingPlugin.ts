/**
 * The Editing / Suggesting mode as a ProseMirror plugin. Its state says which
 * mode the writer is in and whether they may only suggest (commenters). In
 * Suggesting mode the writer's edits become suggestions (suggestEdits.ts);
 * edits that arrive from Yjs (other writers, undo) and the settling of
 * suggestions (accept, reject) are left as they are.
 */
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import {
  AddMarkStep,
  RemoveMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { blockSuggestionOf, suggestableBlocks } from '@baton/shared/blockSuggestions.ts';
import { removedBreak, type SuggestOptions, suggestEdits } from './suggestEdits.ts';

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

const isSuggestable = (node: PmNode | null | undefined) =>
  Boolean(node?.isTextblock && suggestableBlocks.includes(node.type.name));

/**
 * What a suggestions-only writer's own edits may do, as the server checks it
 * (SUG-4, SUG-6, SUG-8): replace text inside one paragraph, change suggestion
 * marks, change formatting (which the appended transaction makes their
 * formatting suggestion), break a paragraph or heading (or the list item
 * holding it) in two, take back a break they suggested, take out a break
 * (which becomes their suggested join), and make a paragraph or heading
 * another of those types unless someone else suggested something about
 * that block.
 * Refusing here keeps the editor from sending what the server would refuse
 * (and from losing the connection's right to write).
 */
function allowedForSuggestionsOnly(
  step: Step,
  tr: Transaction,
  index: number,
  authorId: string,
): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
  const doc = tr.docs[index]!;
  if (step instanceof ReplaceAroundStep) return isRetype(step, doc, authorId);
  if (!(step instanceof ReplaceStep)) return false;
  if (isBreak(step, doc) || removedBreak(doc, step, authorId) !== null) return true;
  const inOneBlock = doc.resolve(step.from).sameParent(doc.resolve(step.to));
  let textOnly = step.slice.openStart === 0 && step.slice.openEnd === 0;
  step.slice.content.forEach((node) => {
    if (!node.isText) textOnly = false;
  });
  return inOneBlock && textOnly && doc.resolve(step.from).parent.isTextblock;
}

/**
 * A paragraph break: one paragraph or heading split in two, or the list item
 * holding it split in two items (Enter in a list), nothing else.
 */
function isBreak(step: ReplaceStep, doc: PmNode): boolean {
  const { content, openStart, openEnd } = step.slice;
  if (step.from !== step.to || openStart < 1 || openStart !== openEnd || content.childCount !== 2)
    return false;
  const $at = doc.resolve(step.from);
  if ($at.depth < openStart || !isSuggestable($at.parent)) return false;
  let halves = true;
  content.forEach((node) => {
    // Down from the outermost node split: list items holding only the next, then an empty block.
    let inner = node;
    for (let depth = $at.depth - openStart + 1; depth < $at.depth; depth++) {
      const item = $at.node(depth);
      if (item.type.name !== 'listItem' || inner.type !== item.type || inner.childCount !== 1)
        halves = false;
      inner = inner.firstChild ?? inner;
    }
    if (!isSuggestable(inner) || inner.content.size > 0) halves = false;
  });
  return halves;
}

/** One paragraph or heading made another of those types, keeping its text. */
function isRetype(step: ReplaceAroundStep, doc: PmNode, authorId: string): boolean {
  const block = doc.nodeAt(step.from);
  const made = step.slice.content.firstChild;
  if (!block || !isSuggestable(block) || !isSuggestable(made)) return false;
  const whole =
    step.to === step.from + block.nodeSize &&
    step.gapFrom === step.from + 1 &&
    step.gapTo === step.to - 1 &&
    step.insert === 1 &&
    step.slice.content.childCount === 1;
  const other = blockSuggestionOf(block);
  return whole && (!other || other.authorId === authorId);
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
      // Withdrawing one's own suggestions (the panel offers nothing else to commenters).
      if (meta(tr)?.settling) return true;
      return tr.steps.every((step, i) => allowedForSuggestionsOnly(step, tr, i, options.author.id));
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

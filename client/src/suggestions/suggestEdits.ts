/**
 * Suggesting mode's core: turns what a writer just typed or deleted into
 * suggestions, as a transaction appended to theirs (so both reach Yjs as one
 * change). Inserted text gets the writer's `suggestionInsert` mark; deleted
 * text is put back with a `suggestionDelete` mark, except text the writer
 * had proposed themselves, which simply goes. Formatting changes become
 * format suggestions (suggestFormatting.ts); structure changes are left as
 * they are (decision 0010). DOM-free.
 */
import { Fragment, type Mark, type MarkType, type Node as PmNode, Slice } from '@tiptap/pm/model';
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import {
  type AddMarkStep,
  Mapping,
  type RemoveMarkStep,
  ReplaceStep,
  type StepMap,
} from '@tiptap/pm/transform';
import {
  asSuggestionAttrs,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  type SuggestionAttrs,
} from '@baton/shared/suggestionMarks.ts';
import {
  isFormattingStep,
  markReformatted,
  type Reformat,
  reformatsOf,
} from './suggestFormatting.ts';

export interface SuggestionAuthor {
  id: string;
  name: string;
}

export interface SuggestOptions {
  author: SuggestionAuthor;
  /** A fresh suggestion id. */
  newId: () => string;
  /** The time a new suggestion records (ISO). */
  now: () => string;
}

interface Removal {
  pos: number;
  slice: Slice;
  id: string;
  /** The cursor stood at the end of what went (Backspace): it goes before what is put back. */
  backwards: boolean;
}

/** The transaction that turns `transactions`' edits into suggestions, or null when none did any. */
export function suggestEdits(
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  options: SuggestOptions,
): Transaction | null {
  const insertType = newState.schema.marks[SUGGESTION_INSERT];
  const deleteType = newState.schema.marks[SUGGESTION_DELETE];
  if (!insertType || !deleteType) return null;
  const maps: StepMap[] = [];
  const replaces: Array<{ step: ReplaceStep; before: PmNode; index: number }> = [];
  const formatting: Array<{ step: AddMarkStep | RemoveMarkStep; before: PmNode; index: number }> =
    [];
  for (const tr of transactions) {
    tr.steps.forEach((step, i) => {
      if (step instanceof ReplaceStep)
        replaces.push({ step, before: tr.docs[i]!, index: maps.length });
      else if (isFormattingStep(step))
        formatting.push({ step, before: tr.docs[i]!, index: maps.length });
      maps.push(tr.mapping.maps[i]!);
    });
  }
  if (replaces.length === 0 && formatting.length === 0) return null;
  const mapping = new Mapping(maps);
  // Read before anything is marked: which text the formatting steps changed, and from what.
  const reformats: Reformat[] = formatting.flatMap(({ step, before, index }) =>
    reformatsOf(step, before, mapping.slice(index + 1)),
  );
  const cursor = oldState.selection.empty ? oldState.selection.head : null;
  const tr = newState.tr;
  const removals: Removal[] = [];
  for (const { step, before, index } of replaces) {
    const toEnd = mapping.slice(index + 1);
    const id = options.newId();
    const size = step.slice.size;
    if (size > 0) {
      const from = toEnd.map(step.from, 1);
      const to = toEnd.map(step.from + size, -1);
      if (to > from) markInserted(tr, from, to, insertType, deleteType, id, options);
    }
    if (step.to > step.from) {
      removals.push({
        pos: toEnd.map(step.from, -1),
        slice: before.slice(step.from, step.to),
        id,
        backwards: replaces.length === 1 && cursor === step.to,
      });
    }
  }
  // After insertions are marked (they are the writer's to format) and before removed
  // text is put back (which moves positions; formatting moves none).
  markReformatted(tr, reformats, options);
  // From the end, so earlier positions stay valid.
  removals.sort((a, b) => b.pos - a.pos);
  for (const removal of removals) putBack(tr, removal, insertType, deleteType, options);
  return tr.docChanged ? tr : null;
}

function markInserted(
  tr: Transaction,
  from: number,
  to: number,
  insertType: MarkType,
  deleteType: MarkType,
  id: string,
  options: SuggestOptions,
): void {
  // Typing on from one's own proposal extends it rather than starting another.
  const attrs =
    ownAttrs(tr.doc.resolve(from).nodeBefore, insertType, options) ??
    ownAttrs(tr.doc.resolve(to).nodeAfter, insertType, options) ??
    freshAttrs(id, options);
  tr.removeMark(from, to, deleteType);
  tr.addMark(from, to, insertType.create(attrs));
}

function putBack(
  tr: Transaction,
  { pos, slice, id, backwards }: Removal,
  insertType: MarkType,
  deleteType: MarkType,
  options: SuggestOptions,
): void {
  const $pos = tr.doc.resolve(pos);
  const attrs =
    ownAttrs($pos.nodeBefore, deleteType, options) ??
    ownAttrs($pos.nodeAfter, deleteType, options) ??
    freshAttrs(id, options);
  const mark = deleteType.create(attrs);
  const content = markRemoved(slice.content, mark, insertType, deleteType, options.author.id);
  if (content.size === 0) return;
  tr.replace(pos, pos, new Slice(content, slice.openStart, slice.openEnd));
  if (backwards) tr.setSelection(TextSelection.create(tr.doc, pos));
}

/** The removed content marked for deletion, without the writer's own proposals (those really go). */
function markRemoved(
  fragment: Fragment,
  mark: Mark,
  insertType: MarkType,
  deleteType: MarkType,
  authorId: string,
): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((node) => {
    if (!node.isInline) {
      nodes.push(node.copy(markRemoved(node.content, mark, insertType, deleteType, authorId)));
      return;
    }
    const proposal = asSuggestionAttrs(insertType.isInSet(node.marks)?.attrs);
    if (proposal?.authorId === authorId) return;
    // Already proposed for deletion (by anyone): it stays as it was.
    nodes.push(deleteType.isInSet(node.marks) ? node : node.mark(mark.addToSet(node.marks)));
  });
  return Fragment.fromArray(nodes);
}

function ownAttrs(
  node: PmNode | null | undefined,
  type: MarkType,
  options: SuggestOptions,
): SuggestionAttrs | null {
  const attrs = node ? asSuggestionAttrs(type.isInSet(node.marks)?.attrs) : null;
  return attrs?.authorId === options.author.id ? attrs : null;
}

function freshAttrs(id: string, options: SuggestOptions): SuggestionAttrs {
  return {
    id,
    authorId: options.author.id,
    authorName: options.author.name,
    createdAt: options.now(),
  };
}

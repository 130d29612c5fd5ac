/**
 * Suggesting mode's core: turns what a writer just typed or deleted into
 * suggestions, as a transaction appended to theirs (so both reach Yjs as one
 * change). Inserted text gets the writer's `suggestionInsert` mark; deleted
 * text is put back with a `suggestionDelete` mark, except text the writer
 * had proposed themselves, which simply goes. Formatting changes become
 * format suggestions (suggestFormatting.ts). A paragraph break becomes a
 * suggested break on the new block, a break taken out a suggested join on
 * the block after it, and a paragraph or heading made another type records
 * the type it had (blockSuggestions.ts); other structure changes are left as
 * they are (decision 0010). DOM-free.
 */
import { Fragment, type Mark, type MarkType, type Node as PmNode, Slice } from '@tiptap/pm/model';
import { type EditorState, Selection, TextSelection, type Transaction } from '@tiptap/pm/state';
import {
  type AddMarkStep,
  Mapping,
  type RemoveMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type StepMap,
} from '@tiptap/pm/transform';
import {
  BLOCK_SUGGESTION,
  type BlockSuggestionAttrs,
  blockSuggestionOf,
  blockTypeOf,
  hasBlockType,
  suggestableBlocks,
} from '@baton/shared/blockSuggestions.ts';
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
  /** Only the writer's own suggested paragraph break went: taking it back, nothing to put back. */
  ownBreak: boolean;
  /** Only a break went, which is put back as a suggestion that it goes. */
  join: boolean;
}

/** A block whose type a step changed: where it is in the end, and what it was. */
interface Retyped {
  before: PmNode;
  /** Maps the position before the block to the end of the transactions. */
  toEnd: Mapping;
  pos: number;
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
  const retypes: Array<{ step: ReplaceAroundStep; before: PmNode; index: number }> = [];
  const formatting: Array<{ step: AddMarkStep | RemoveMarkStep; before: PmNode; index: number }> =
    [];
  for (const tr of transactions) {
    tr.steps.forEach((step, i) => {
      if (step instanceof ReplaceStep)
        replaces.push({ step, before: tr.docs[i]!, index: maps.length });
      else if (step instanceof ReplaceAroundStep)
        retypes.push({ step, before: tr.docs[i]!, index: maps.length });
      else if (isFormattingStep(step))
        formatting.push({ step, before: tr.docs[i]!, index: maps.length });
      maps.push(tr.mapping.maps[i]!);
    });
  }
  if (replaces.length === 0 && formatting.length === 0 && retypes.length === 0) return null;
  const mapping = new Mapping(maps);
  // Read before anything is marked: which text the formatting steps changed, and from what.
  const reformats: Reformat[] = formatting.flatMap(({ step, before, index }) =>
    reformatsOf(step, before, mapping.slice(index + 1)),
  );
  const cursor = oldState.selection.empty ? oldState.selection.head : null;
  const tr = newState.tr;
  const removals: Removal[] = [];
  const retyped: Retyped[] = retypes.map(({ step, before, index }) => ({
    before,
    toEnd: mapping.slice(index + 1),
    pos: step.from,
  }));
  for (const { step, before, index } of replaces) {
    const toEnd = mapping.slice(index + 1);
    const id = options.newId();
    const size = step.slice.size;
    if (size > 0) {
      const from = toEnd.map(step.from, 1);
      const to = toEnd.map(step.from + size, -1);
      // Breaks first: text typed into a new block joins the break's suggestion.
      if (step.slice.openStart > 0 || step.slice.openEnd > 0) markBreaks(tr, from, to, id, options);
      if (to > from) markInserted(tr, from, to, insertType, deleteType, id, options);
    }
    if (step.to > step.from) {
      const loneBreak = removedBreak(before, step, options.author.id);
      removals.push({
        pos: toEnd.map(step.from, -1),
        slice: before.slice(step.from, step.to),
        id,
        backwards: replaces.length === 1 && cursor === step.to,
        ownBreak: loneBreak === 'ownBreak',
        join: loneBreak === 'join',
      });
    }
  }
  for (const change of retyped) markRetyped(tr, change, options);
  // After insertions are marked (they are the writer's to format) and before removed
  // text is put back (which moves positions; formatting moves none).
  markReformatted(tr, reformats, options);
  // From the end, so earlier positions stay valid.
  removals.sort((a, b) => b.pos - a.pos);
  for (const removal of removals) putBack(tr, removal, insertType, deleteType, options);
  return tr.docChanged ? tr : null;
}

/** Each block that begins inside [from, to) (a new paragraph break) gets a suggested break. */
function markBreaks(
  tr: Transaction,
  from: number,
  to: number,
  id: string,
  options: SuggestOptions,
) {
  const starts: Array<{ pos: number; node: PmNode }> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isInline) return false;
    if (node.isTextblock && pos >= from && pos < to && suggestableBlocks.includes(node.type.name))
      starts.push({ pos, node });
    return !node.isTextblock;
  });
  for (const { pos, node } of starts) {
    const existing = blockSuggestionOf(node);
    const attrs: BlockSuggestionAttrs = { ...(existing ?? freshAttrs(id, options)), split: true };
    tr.setNodeAttribute(pos, BLOCK_SUGGESTION, attrs);
  }
}

/**
 * A block made another type records the type it had, unless it already
 * records one (one rejection goes back to the draft's type); made its
 * recorded type again, the record goes. Another writer's block suggestion is
 * kept as it was, and the change is then a direct one (commenters cannot
 * make it: suggestingPlugin.ts).
 */
function markRetyped(tr: Transaction, { before, toEnd, pos }: Retyped, options: SuggestOptions) {
  const old = before.nodeAt(pos);
  const at = toEnd.map(pos, 1);
  const now = tr.doc.nodeAt(at);
  if (!old?.isTextblock || !now?.isTextblock) return;
  if (!suggestableBlocks.includes(old.type.name) || !suggestableBlocks.includes(now.type.name))
    return;
  const existing = blockSuggestionOf(old);
  if (existing && existing.authorId !== options.author.id) {
    tr.setNodeAttribute(at, BLOCK_SUGGESTION, existing);
    return;
  }
  const was = existing?.before ?? blockTypeOf(old);
  const attrs: BlockSuggestionAttrs = { ...(existing ?? freshAttrs(options.newId(), options)) };
  if (hasBlockType(now, was)) delete attrs.before;
  else attrs.before = was;
  tr.setNodeAttribute(at, BLOCK_SUGGESTION, attrs.split || attrs.before ? attrs : null);
}

/**
 * The block after the break a step removed, when it removed nothing else
 * (Backspace at the start of a paragraph or heading, Delete at the end of
 * the one before): two neighbouring blocks of one parent, or of two
 * neighbouring list items, joined.
 */
export function blockAfterRemovedBreak(before: PmNode, step: ReplaceStep): PmNode | null {
  if (step.slice.size > 0) return null;
  const $from = before.resolve(step.from);
  const $to = before.resolve(step.to);
  if ($from.parentOffset !== $from.parent.content.size || $to.parentOffset !== 0) return null;
  if ($from.depth !== $to.depth) return null;
  const shared = $from.sharedDepth(step.to);
  if (shared >= $from.depth || $from.index(shared) + 1 !== $to.index(shared)) return null;
  // In two list items: the end of the one and the start of the next, nothing else.
  for (let depth = shared + 1; depth < $from.depth; depth++) {
    const [item, next] = [$from.node(depth), $to.node(depth)];
    if (item.type.name !== 'listItem' || next.type !== item.type) return null;
    if ($from.index(depth) !== item.childCount - 1 || $to.index(depth) !== 0) return null;
  }
  if (!suggestableBlocks.includes($from.parent.type.name)) return null;
  return suggestableBlocks.includes($to.parent.type.name) ? $to.parent : null;
}

/**
 * What a step that removed nothing but a break means for this writer: taking
 * back the break they suggested themselves (`ownBreak`, Backspace at the
 * start of their new paragraph), or suggesting that the break goes (`join`),
 * which only a block holding no one else's block suggestion allows (one
 * attribute holds one writer's). Null when the step did more, or the block is
 * someone else's.
 */
export function removedBreak(
  before: PmNode,
  step: ReplaceStep,
  authorId: string,
): 'ownBreak' | 'join' | null {
  const block = blockAfterRemovedBreak(before, step);
  if (!block) return null;
  const suggested = blockSuggestionOf(block);
  if (!suggested) return 'join';
  if (suggested.authorId !== authorId) return null;
  return suggested.split ? 'ownBreak' : 'join';
}

/**
 * The block at `pos` gets the writer's suggestion that the break before it
 * goes (`removedBreak` made sure any suggestion it holds is theirs).
 */
function markJoin(tr: Transaction, pos: number, id: string, options: SuggestOptions): void {
  const block = tr.doc.nodeAt(pos);
  if (!block || !suggestableBlocks.includes(block.type.name)) return;
  const existing = blockSuggestionOf(block);
  const attrs: BlockSuggestionAttrs = { ...(existing ?? freshAttrs(id, options)), join: true };
  tr.setNodeAttribute(pos, BLOCK_SUGGESTION, attrs);
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
  // Typing on from one's own proposal extends it rather than starting another; so does
  // typing at the start of one's own new paragraph.
  const $from = tr.doc.resolve(from);
  const attrs =
    ownAttrs($from.nodeBefore, insertType, options) ??
    ownAttrs(tr.doc.resolve(to).nodeAfter, insertType, options) ??
    ($from.parentOffset === 0 ? ownBreakAttrs($from.parent, options) : null) ??
    freshAttrs(id, options);
  tr.removeMark(from, to, deleteType);
  tr.addMark(from, to, insertType.create(attrs));
}

function putBack(
  tr: Transaction,
  { pos, slice, id, backwards, ownBreak, join }: Removal,
  insertType: MarkType,
  deleteType: MarkType,
  options: SuggestOptions,
): void {
  if (ownBreak) return;
  const $pos = tr.doc.resolve(pos);
  const attrs =
    ownAttrs($pos.nodeBefore, deleteType, options) ??
    ownAttrs($pos.nodeAfter, deleteType, options) ??
    freshAttrs(id, options);
  const mark = deleteType.create(attrs);
  const content = markRemoved(slice.content, mark, insertType, deleteType, options.author.id);
  if (content.size === 0) return;
  tr.replace(pos, pos, new Slice(content, slice.openStart, slice.openEnd));
  // The break is back, `pos` at the end of the block before it.
  const after = join ? Selection.findFrom(tr.doc.resolve(pos + 1), 1, true) : null;
  if (after) markJoin(tr, after.$head.before(), id, options);
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

/** The writer's own suggested break on `block`, as the attributes its text can share. */
function ownBreakAttrs(block: PmNode, options: SuggestOptions): SuggestionAttrs | null {
  const attrs = blockSuggestionOf(block);
  if (!attrs?.split || attrs.authorId !== options.author.id) return null;
  const { id, authorId, authorName, createdAt } = attrs;
  return { id, authorId, authorName, createdAt };
}

function freshAttrs(id: string, options: SuggestOptions): SuggestionAttrs {
  return {
    id,
    authorId: options.author.id,
    authorName: options.author.name,
    createdAt: options.now(),
  };
}

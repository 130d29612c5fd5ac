/**
 * Reading, accepting and rejecting suggestions on a ProseMirror document.
 * Pure and DOM-free: the editor runs them inside one transaction (one undo
 * step, one Yjs transaction seen live by everyone); the server uses
 * `withoutSuggestions` to read a draft as readers would get it.
 *
 * Accepting an insertion drops its mark; accepting a deletion deletes its
 * text. Rejecting does the inverse. Other marks (bold, links…) are kept.
 * Accepting a formatting suggestion drops its mark and keeps the formatting
 * shown; rejecting it puts back the marks it recorded (formatSuggestions.ts).
 * Text that a suggestion covers on both sides of a block boundary is removed
 * with the boundary, so a suggested deletion across two paragraphs joins them.
 * Block suggestions (blockSuggestions.ts): accepting keeps the block as it
 * is, except that an accepted join joins it to the one before; rejecting a
 * paragraph break joins the block to the one before it, rejecting a join
 * keeps the break, and rejecting a type change puts the recorded type back.
 */
import type { Mark, MarkType, Node as PmNode, NodeType } from '@tiptap/pm/model';
import { Selection } from '@tiptap/pm/state';
import { canJoin, Transform } from '@tiptap/pm/transform';
import {
  BLOCK_SUGGESTION,
  type BlockSuggestionAttrs,
  blockSuggestionOf,
  type BlockType,
  blockTypeOf,
  suggestableBlocks,
} from './blockSuggestions.ts';
import { formattingOf, readRecord, recordedMarks } from './formatSuggestions.ts';
import {
  asFormatSuggestionAttrs,
  asSuggestionAttrs,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  type SuggestionAttrs,
  type SuggestionKind,
} from './suggestionMarks.ts';

/** Which suggestions to act on; every condition given must hold, none given means all. */
export interface SuggestionFilter {
  ids?: readonly string[];
  authorId?: string;
  /** Only the suggested text between these positions (a selection). */
  from?: number;
  to?: number;
}

/** A suggested block change as a list shows it. */
export interface BlockChange {
  /** A paragraph break before the block. */
  split: boolean;
  /** The break before the block is to go (the block joins the one before). */
  join: boolean;
  /** The block's type before, when the suggestion changes it. */
  was: BlockType | null;
  /** The block's type now. */
  is: BlockType;
  /** The block's text. */
  text: string;
  /** The block is a list item's (its break starts a new item). */
  inListItem: boolean;
}

/** One suggestion as a list shows it: what it adds, removes or reformats, and where. */
export interface Suggestion extends SuggestionAttrs {
  kind: SuggestionKind | 'replace' | 'block';
  /** What a block suggestion changes (kind `block`). */
  block: BlockChange | null;
  inserted: string;
  deleted: string;
  /** The text a formatting suggestion covers. */
  formatted: string;
  /** Formatting it adds and removes (mark names), as of its first piece of text. */
  marksAdded: string[];
  marksRemoved: string[];
  from: number;
  to: number;
}

interface Span {
  kind: SuggestionKind;
  from: number;
  to: number;
  mark: Mark;
  attrs: SuggestionAttrs;
}

function markTypes(doc: PmNode): Array<[SuggestionKind, MarkType]> {
  const { marks } = doc.type.schema;
  const types: Array<[SuggestionKind, MarkType]> = [];
  if (marks[SUGGESTION_INSERT]) types.push(['insert', marks[SUGGESTION_INSERT]]);
  if (marks[SUGGESTION_DELETE]) types.push(['delete', marks[SUGGESTION_DELETE]]);
  if (marks[SUGGESTION_FORMAT]) types.push(['format', marks[SUGGESTION_FORMAT]]);
  return types;
}

function matches(attrs: SuggestionAttrs, filter: SuggestionFilter): boolean {
  if (filter.ids && !filter.ids.includes(attrs.id)) return false;
  return filter.authorId === undefined || attrs.authorId === filter.authorId;
}

/**
 * A format suggestion's attributes, when its record of the formatting before
 * can be read: one that cannot would make rejecting it guess.
 */
function formatAttrs(value: unknown): SuggestionAttrs | null {
  const attrs = asFormatSuggestionAttrs(value);
  return attrs && readRecord(attrs.before) ? attrs : null;
}

/** The suggestion marks on text, one span per text node and mark, in document order. */
function spansIn(doc: PmNode, filter: SuggestionFilter = {}): Span[] {
  const types = markTypes(doc);
  const spans: Span[] = [];
  if (types.length === 0) return spans;
  const from = Math.max(0, filter.from ?? 0);
  const to = Math.min(doc.content.size, filter.to ?? doc.content.size);
  if (from >= to) return spans;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    for (const [kind, type] of types) {
      const mark = type.isInSet(node.marks);
      const attrs =
        mark && (kind === 'format' ? formatAttrs(mark.attrs) : asSuggestionAttrs(mark.attrs));
      if (!mark || !attrs || !matches(attrs, filter)) continue;
      spans.push({
        kind,
        mark,
        attrs,
        from: Math.max(pos, from),
        to: Math.min(pos + node.nodeSize, to),
      });
    }
    return false;
  });
  return spans;
}

interface BlockSpan {
  /** The position before the block. */
  pos: number;
  node: PmNode;
  attrs: BlockSuggestionAttrs;
}

/** The blocks carrying a suggestion, in document order, that overlap the filter's range. */
function blocksIn(doc: PmNode, filter: SuggestionFilter = {}): BlockSpan[] {
  const blocks: BlockSpan[] = [];
  if (!doc.type.schema.nodes.paragraph?.spec.attrs?.[BLOCK_SUGGESTION]) return blocks;
  const from = Math.max(0, filter.from ?? 0);
  const to = Math.min(doc.content.size, filter.to ?? doc.content.size);
  doc.nodesBetween(from, Math.max(from, to), (node, pos) => {
    if (node.isInline) return false;
    if (!node.isTextblock) return true;
    const attrs = blockSuggestionOf(node);
    // A range touching only the block's edge is not in it.
    const inside = filter.from === undefined || (pos + 1 <= to && pos + node.nodeSize - 1 >= from);
    if (attrs && inside && matches(attrs, filter)) blocks.push({ pos, node, attrs });
    return false;
  });
  return blocks;
}

/**
 * The recorded type a block can take back: a paragraph or heading that holds
 * its content. The record comes from the shared document, so anything else
 * (another block type, attributes the type refuses) leaves the block as it is.
 */
function restorable(
  node: PmNode,
  before: BlockType,
): { type: NodeType; attrs: Record<string, unknown> } | null {
  const type = node.type.schema.nodes[before.type];
  if (!type || !suggestableBlocks.includes(type.name) || !type.validContent(node.content))
    return null;
  try {
    const attrs = { ...before.attrs, [BLOCK_SUGGESTION]: null };
    type.create(attrs, node.content, node.marks).check();
    return { type, attrs };
  } catch {
    return null;
  }
}

/**
 * Settles block suggestions: each loses its attribute; rejected type changes
 * get their recorded type back. Returns the positions before the blocks
 * to join to the one before, those whose break is rejected and those whose
 * join is accepted (changing attributes moves nothing).
 */
function settleBlocks(tr: Transform, blocks: BlockSpan[], verdict: 'accept' | 'reject'): number[] {
  const joins: number[] = [];
  for (const { pos, node, attrs } of blocks) {
    const restored = verdict === 'reject' && attrs.before ? restorable(node, attrs.before) : null;
    if (restored) tr.setNodeMarkup(pos, restored.type, restored.attrs);
    else tr.setNodeAttribute(pos, BLOCK_SUGGESTION, null);
    if (verdict === 'reject' ? attrs.split : attrs.join) joins.push(pos);
  }
  return joins;
}

/**
 * The ranges to delete for `spans`: neighbours of one suggestion are joined
 * when nothing but block boundaries (or empty blocks) lies between them.
 */
function deletionRanges(doc: PmNode, spans: Span[]): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number; id: string }> = [];
  for (const span of spans) {
    const last = ranges.at(-1);
    if (
      last &&
      last.id === span.attrs.id &&
      span.from >= last.to &&
      doc.textBetween(last.to, span.from, '', '\ufffc') === ''
    ) {
      last.to = Math.max(last.to, span.to);
    } else {
      ranges.push({ from: span.from, to: span.to, id: span.attrs.id });
    }
  }
  return ranges;
}

/** Puts back the formatting a rejected format suggestion recorded on its span. */
function restoreFormatting(tr: Transform, span: Span): void {
  const before = recordedMarks(tr.doc.type.schema, String(span.mark.attrs.before));
  const shown = new Set<MarkType>();
  tr.doc.nodesBetween(span.from, span.to, (node) => {
    for (const mark of formattingOf(node.marks)) shown.add(mark.type);
  });
  for (const type of shown) tr.removeMark(span.from, span.to, type);
  for (const mark of before) tr.addMark(span.from, span.to, mark);
}

/**
 * Settles `spans`: kept insertions and deletions lose their mark, the others'
 * text goes; format suggestions keep their formatting (accept) or get back
 * the recorded one (reject), and lose their mark.
 */
function settle(tr: Transform, filter: SuggestionFilter, verdict: 'accept' | 'reject'): Transform {
  const spans = spansIn(tr.doc, filter);
  const blocks = blocksIn(tr.doc, filter);
  const keep: SuggestionKind = verdict === 'accept' ? 'insert' : 'delete';
  const toDelete = spans.filter((span) => span.kind !== keep && span.kind !== 'format');
  // Marks and block types first: changing them moves no position the deletions rely on.
  for (const span of spans) {
    if (span.kind === 'format' && verdict === 'reject') restoreFormatting(tr, span);
    if (span.kind === keep || span.kind === 'format') tr.removeMark(span.from, span.to, span.mark);
  }
  const joins = settleBlocks(tr, blocks, verdict);
  const afterMarks = tr.mapping.maps.length;
  const ranges = deletionRanges(tr.doc, toDelete);
  for (let i = ranges.length - 1; i >= 0; i--) tr.delete(ranges[i]!.from, ranges[i]!.to);
  // Rejected breaks and accepted joins last, from the end: each joins its block to the one
  // before, if it can.
  for (let i = joins.length - 1; i >= 0; i--) {
    joinToBlockBefore(tr, tr.mapping.slice(afterMarks).map(joins[i]!, 1));
  }
  return tr;
}

/**
 * Joins the textblock at `pos` to the textblock before it: a sibling directly,
 * or one in the item before (list items), by deleting what lies between the
 * two, which holds no content, only the ends and starts of their containers.
 */
function joinToBlockBefore(tr: Transform, pos: number): void {
  if (canJoin(tr.doc, pos)) {
    tr.join(pos);
    return;
  }
  // The end of the textblock before (a backward search lands at a textblock's end).
  const end = Selection.findFrom(tr.doc.resolve(pos), -1, true)?.head;
  if (end === undefined || end >= pos) return;
  if (tr.doc.textBetween(end, pos + 1, '', '\ufffc') !== '') return;
  tr.delete(end, pos + 1);
}

/** Makes the chosen suggestions part of the draft: insertions stay, deletions go, formatting stays. */
export function acceptSuggestions(tr: Transform, filter: SuggestionFilter = {}): Transform {
  return settle(tr, filter, 'accept');
}

/** Drops the chosen suggestions: insertions go, deletions' text stays, formatting goes back. */
export function rejectSuggestions(tr: Transform, filter: SuggestionFilter = {}): Transform {
  return settle(tr, filter, 'reject');
}

/** Whether the document holds any suggestion. */
export function hasSuggestions(doc: PmNode): boolean {
  const size = doc.content.size;
  return (
    markTypes(doc).some(([, type]) => doc.rangeHasMark(0, size, type)) || blocksIn(doc).length > 0
  );
}

/** The document as readers get it while suggestions are pending: as if all were rejected. */
export function withoutSuggestions(doc: PmNode): PmNode {
  if (!hasSuggestions(doc)) return doc;
  return rejectSuggestions(new Transform(doc)).doc;
}

/** The mark names a format span adds and removes. */
function formatChange(doc: PmNode, span: Span): { marksAdded: string[]; marksRemoved: string[] } {
  const before = recordedMarks(doc.type.schema, String(span.mark.attrs.before)).map(
    (mark) => mark.type.name,
  );
  const after = formattingOf(doc.nodeAt(span.from)?.marks ?? []).map((mark) => mark.type.name);
  return {
    marksAdded: after.filter((name) => !before.includes(name)),
    marksRemoved: before.filter((name) => !after.includes(name)),
  };
}

/** The pending suggestions, grouped by id, in the order they first appear. */
export function listSuggestions(doc: PmNode): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  for (const span of spansIn(doc)) {
    const text = doc.textBetween(span.from, span.to);
    const existing = byId.get(span.attrs.id);
    if (!existing) {
      const { id, authorId, authorName, createdAt } = span.attrs;
      byId.set(span.attrs.id, {
        id,
        authorId,
        authorName,
        createdAt,
        kind: span.kind,
        block: null,
        inserted: span.kind === 'insert' ? text : '',
        deleted: span.kind === 'delete' ? text : '',
        formatted: span.kind === 'format' ? text : '',
        ...(span.kind === 'format'
          ? formatChange(doc, span)
          : { marksAdded: [], marksRemoved: [] }),
        from: span.from,
        to: span.to,
      });
      continue;
    }
    if (span.kind === 'insert') existing.inserted += text;
    else if (span.kind === 'delete') existing.deleted += text;
    else existing.formatted += text;
    // A format suggestion has an id of its own; an insertion and a deletion under one id replace.
    if (existing.kind !== span.kind && span.kind !== 'format') existing.kind = 'replace';
    existing.from = Math.min(existing.from, span.from);
    existing.to = Math.max(existing.to, span.to);
  }
  for (const { pos, node, attrs } of blocksIn(doc)) {
    const block: BlockChange = {
      split: attrs.split === true,
      join: attrs.join === true,
      was: attrs.before ?? null,
      is: blockTypeOf(node),
      text: node.textContent,
      inListItem: doc.resolve(pos).parent.type.name === 'listItem',
    };
    // A paragraph break and the text typed after it are one suggestion (the editor gives them one id).
    const existing = byId.get(attrs.id);
    if (existing && !existing.block && existing.kind === 'insert') {
      existing.block = block;
      existing.from = Math.min(existing.from, pos + 1);
      continue;
    }
    const { id, authorId, authorName, createdAt } = attrs;
    byId.set(existing ? `${id}\u0000${pos}` : id, {
      id,
      authorId,
      authorName,
      createdAt,
      kind: 'block',
      block,
      inserted: '',
      deleted: '',
      formatted: '',
      marksAdded: [],
      marksRemoved: [],
      from: pos + 1,
      to: pos + node.nodeSize - 1,
    });
  }
  return [...byId.values()].sort((a, b) => a.from - b.from);
}

/**
 * Reading, accepting and rejecting suggestions on a ProseMirror document.
 * Pure and DOM-free: the editor runs them inside one transaction (one undo
 * step, one Yjs transaction seen live by everyone); the server uses
 * `withoutSuggestions` to read a draft as readers would get it.
 *
 * Accepting an insertion drops its mark; accepting a deletion deletes its
 * text. Rejecting does the inverse. Other marks (bold, links…) are kept.
 * Text that a suggestion covers on both sides of a block boundary is removed
 * with the boundary, so a suggested deletion across two paragraphs joins them.
 */
import type { Mark, MarkType, Node as PmNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import {
  asSuggestionAttrs,
  SUGGESTION_DELETE,
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

/** One suggestion as a list shows it: what it adds or removes, and where. */
export interface Suggestion extends SuggestionAttrs {
  kind: SuggestionKind | 'replace';
  inserted: string;
  deleted: string;
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
  return types;
}

function matches(attrs: SuggestionAttrs, filter: SuggestionFilter): boolean {
  if (filter.ids && !filter.ids.includes(attrs.id)) return false;
  return filter.authorId === undefined || attrs.authorId === filter.authorId;
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
      const attrs = mark && asSuggestionAttrs(mark.attrs);
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

/** Keeps the text of `keep` spans (drops their mark) and deletes the text of the others. */
function settle(tr: Transform, spans: Span[], keep: SuggestionKind): Transform {
  const toDelete = spans.filter((span) => span.kind !== keep);
  // Marks first: removing one moves no position the deletions rely on.
  for (const span of spans) {
    if (span.kind === keep) tr.removeMark(span.from, span.to, span.mark);
  }
  const ranges = deletionRanges(tr.doc, toDelete);
  for (let i = ranges.length - 1; i >= 0; i--) tr.delete(ranges[i]!.from, ranges[i]!.to);
  return tr;
}

/** Makes the chosen suggestions part of the draft: insertions stay, deletions go. */
export function acceptSuggestions(tr: Transform, filter: SuggestionFilter = {}): Transform {
  return settle(tr, spansIn(tr.doc, filter), 'insert');
}

/** Drops the chosen suggestions: insertions go, deletions' text stays. */
export function rejectSuggestions(tr: Transform, filter: SuggestionFilter = {}): Transform {
  return settle(tr, spansIn(tr.doc, filter), 'delete');
}

/** Whether the document holds any suggestion. */
export function hasSuggestions(doc: PmNode): boolean {
  const size = doc.content.size;
  return markTypes(doc).some(([, type]) => doc.rangeHasMark(0, size, type));
}

/** The document as readers get it while suggestions are pending: as if all were rejected. */
export function withoutSuggestions(doc: PmNode): PmNode {
  if (!hasSuggestions(doc)) return doc;
  return rejectSuggestions(new Transform(doc)).doc;
}

/** The pending suggestions, grouped by id, in the order they first appear. */
export function listSuggestions(doc: PmNode): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  for (const span of spansIn(doc)) {
    const text = doc.textBetween(span.from, span.to);
    const existing = byId.get(span.attrs.id);
    if (!existing) {
      byId.set(span.attrs.id, {
        ...span.attrs,
        kind: span.kind,
        inserted: span.kind === 'insert' ? text : '',
        deleted: span.kind === 'delete' ? text : '',
        from: span.from,
        to: span.to,
      });
      continue;
    }
    if (span.kind === 'insert') existing.inserted += text;
    else existing.deleted += text;
    if (existing.kind !== span.kind) existing.kind = 'replace';
    existing.from = Math.min(existing.from, span.from);
    existing.to = Math.max(existing.to, span.to);
  }
  return [...byId.values()];
}

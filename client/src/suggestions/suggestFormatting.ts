/**
 * Suggesting mode for formatting: marks a writer adds to or takes off
 * existing text (bold, a link, code…) stay as they are, shown, and the text
 * gets the writer's `suggestionFormat` mark recording the formatting it had
 * before, so accepting keeps the change and rejecting puts the record back
 * (SUG-6). Text that was already under a format suggestion keeps its first
 * record; text back to its recorded formatting loses the writer's mark. The
 * writer's own proposed text is theirs to format: it gets no mark. DOM-free.
 */
import type { MarkType, Node as PmNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { AddMarkStep, type Mapping, RemoveMarkStep, type Step } from '@tiptap/pm/transform';
import { formattingOf, recordFormatting } from '@baton/shared/formatSuggestions.ts';
import {
  asFormatSuggestionAttrs,
  asSuggestionAttrs,
  type FormatSuggestionAttrs,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  suggestionMarkNames,
} from '@baton/shared/suggestionMarks.ts';
import type { SuggestOptions } from './suggestEdits.ts';

/** Text a mark step reformatted, in the final document, with what it recorded before. */
export interface Reformat {
  from: number;
  to: number;
  /** The formatting before (recordFormatting), or the record of the format mark it had. */
  record: string;
  /** That format mark's attributes, when the text had one. */
  previous: FormatSuggestionAttrs | null;
}

/** Whether `step` changes formatting (not a suggestion mark). */
export function isFormattingStep(step: Step): step is AddMarkStep | RemoveMarkStep {
  return (
    (step instanceof AddMarkStep || step instanceof RemoveMarkStep) &&
    !suggestionMarkNames.includes(step.mark.type.name)
  );
}

/** The text `step`, applied to `doc`, reformatted, mapped to the final document by `toEnd`. */
export function reformatsOf(
  step: AddMarkStep | RemoveMarkStep,
  doc: PmNode,
  toEnd: Mapping,
): Reformat[] {
  const formatType = doc.type.schema.marks[SUGGESTION_FORMAT];
  const found: Reformat[] = [];
  doc.nodesBetween(step.from, step.to, (node, pos) => {
    if (!node.isText) return true;
    const from = toEnd.map(Math.max(pos, step.from), 1);
    const to = toEnd.map(Math.min(pos + node.nodeSize, step.to), -1);
    if (to <= from) return false;
    const previous = asFormatSuggestionAttrs(formatType?.isInSet(node.marks)?.attrs);
    found.push({ from, to, record: previous?.before ?? recordFormatting(node.marks), previous });
    return false;
  });
  return found;
}

/**
 * Marks `reformats` (in step order) on `tr` as the writer's formatting
 * suggestion. Applied last to first, so where two steps touched the same
 * text the first one's record stands.
 */
export function markReformatted(
  tr: Transaction,
  reformats: readonly Reformat[],
  options: SuggestOptions,
): void {
  const formatType = tr.doc.type.schema.marks[SUGGESTION_FORMAT];
  const insertType = tr.doc.type.schema.marks[SUGGESTION_INSERT];
  if (!formatType || !insertType) return;
  let fresh: FormatSuggestionAttrs | null = null;
  const freshAttrs = (record: string): FormatSuggestionAttrs => {
    fresh ??= {
      id: options.newId(),
      authorId: options.author.id,
      authorName: options.author.name,
      createdAt: options.now(),
      before: record,
    };
    return { ...fresh, before: record };
  };
  for (const reformat of [...reformats].reverse()) {
    for (const piece of piecesOf(tr.doc, reformat, insertType, options.author.id)) {
      const own = reformat.previous?.authorId === options.author.id ? reformat.previous : null;
      if (recordFormatting(piece.marks) === reformat.record && (own || !reformat.previous)) {
        tr.removeMark(piece.from, piece.to, formatType);
        continue;
      }
      const attrs = own ? { ...own, before: reformat.record } : freshAttrs(reformat.record);
      tr.addMark(piece.from, piece.to, formatType.create(attrs));
    }
  }
}

/** The text of `reformat` now, piece by piece, without the writer's own proposed text. */
function piecesOf(
  doc: PmNode,
  { from, to }: Reformat,
  insertType: MarkType,
  authorId: string,
): Array<{ from: number; to: number; marks: ReturnType<typeof formattingOf> }> {
  const pieces: Array<{ from: number; to: number; marks: ReturnType<typeof formattingOf> }> = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    if (asSuggestionAttrs(insertType.isInSet(node.marks)?.attrs)?.authorId === authorId) {
      return false;
    }
    pieces.push({
      from: Math.max(pos, from),
      to: Math.min(pos + node.nodeSize, to),
      marks: formattingOf(node.marks),
    });
    return false;
  });
  return pieces;
}

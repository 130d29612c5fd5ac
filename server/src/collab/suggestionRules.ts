/**
 * What a suggestions-only writer (a commenter) may do to a draft, judged on
 * a transaction that applied their update (SUG-4). Allowed, inside texts of
 * the document fragment and nowhere else:
 * - inserting text that carries their own `suggestionInsert` mark;
 * - deleting text that carries their own `suggestionInsert` mark (taking
 *   back what they proposed);
 * - adding or removing their own `suggestionDelete` mark on existing text.
 * Anything else (new paragraphs or other elements, attributes, embeds,
 * deleting or reformatting text, marks in someone else's name, other shared
 * types) is refused. Format markers themselves may come and go as Yjs
 * likes: what counts is the formatting each piece of content has before and
 * after.
 */
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '@baton/shared/suggestionMarks.ts';
import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';

type Formatting = Map<string, unknown>;

const isOwnSuggestion = (value: unknown, userId: string) =>
  typeof value === 'object' &&
  value !== null &&
  (value as { authorId?: unknown }).authorId === userId;

/** Whether `tr`, the transaction that applied `userId`'s update, only touches their suggestions. */
export function onlySuggestions(
  tr: Y.Transaction,
  fragment: Y.XmlFragment,
  userId: string,
): boolean {
  for (const [type, keys] of tr.changed) {
    // Formatting and text are content (key null); a key is an attribute of the type itself.
    if (!(type instanceof Y.XmlText) || keys.size !== 1 || !keys.has(null)) return false;
    if (!Y.isParentOf(fragment, type._item)) return false;
    if (!textChangesAreSuggestions(type, tr, userId)) return false;
  }
  return true;
}

function textChangesAreSuggestions(text: Y.XmlText, tr: Y.Transaction, userId: string): boolean {
  const before: Formatting = new Map();
  const after: Formatting = new Map();
  // Formatting only changes at format markers: compare it once per run between them.
  let compared = false;
  for (let item = text._start; item !== null; item = item.right) {
    const existed = item.id.clock < (tr.beforeState.get(item.id.client) ?? 0);
    const wasVisible = existed && (!item.deleted || Y.isDeleted(tr.deleteSet, item.id));
    const isVisible = !item.deleted;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (wasVisible) applyFormat(before, content);
      if (isVisible) applyFormat(after, content);
      compared = false;
      continue;
    }
    if (!wasVisible && !isVisible) continue;
    if (wasVisible && isVisible) {
      if (!compared && !formattingChangeAllowed(before, after, userId)) return false;
      compared = true;
      continue;
    }
    // Inserted or deleted: only text proposed by this writer.
    const formatting = isVisible ? after : before;
    if (!(content instanceof Y.ContentString)) return false;
    if (!isOwnSuggestion(formatting.get(SUGGESTION_INSERT), userId)) return false;
  }
  return true;
}

/** Yjs's own rule: a format marker sets its attribute until the next marker; null removes it. */
function applyFormat(formatting: Formatting, format: Y.ContentFormat): void {
  if (format.value === null) formatting.delete(format.key);
  else formatting.set(format.key, format.value);
}

/** Existing content may only gain or lose the writer's own deletion suggestion. */
function formattingChangeAllowed(before: Formatting, after: Formatting, userId: string): boolean {
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const is = after.get(key);
    if (equalityDeep(was, is)) continue;
    if (key !== SUGGESTION_DELETE) return false;
    if (was !== undefined && !isOwnSuggestion(was, userId)) return false;
    if (is !== undefined && !isOwnSuggestion(is, userId)) return false;
  }
  return true;
}

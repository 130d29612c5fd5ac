/**
 * What a suggestions-only writer (a commenter) may do to a draft, judged on
 * a transaction that applied their update (SUG-4). Allowed, inside texts of
 * the document fragment and nowhere else:
 * - inserting text that carries their own `suggestionInsert` mark;
 * - deleting text that carries their own `suggestionInsert` mark (taking
 *   back what they proposed);
 * - adding or removing their own `suggestionDelete` mark on existing text;
 * - changing the formatting of existing text that then carries their own
 *   `suggestionFormat` mark, whose record of the formatting before is true
 *   (what the text had, or what the mark it replaces recorded);
 * - removing their own `suggestionFormat` mark with the recorded formatting
 *   put back (withdrawing it);
 * - changing the formatting of their own proposed text.
 * Format markers themselves may come and go as Yjs likes: what counts is
 * the formatting each piece of content has before and after.
 *
 * Block suggestions (a paragraph break, a paragraph or heading's type) change
 * the document's elements, which y-tiptap writes as deleted and re-created
 * text: rules on the text alone cannot tell them from rewriting it. An
 * update the rules above refuse is judged again on the whole document
 * (`onlyTheirSuggestionsChanged`): rejecting the writer's suggestions must
 * give the same document before and after it, so everything it changed is a
 * suggestion of theirs and a rejection undoes it. It must also write only
 * what the document can hold (`writesOnlyBlocks`): paragraphs and headings
 * with known attributes and formatting, nowhere but the document fragment,
 * as the reading of the document would silently leave anything else out.
 * Anything else (other elements, embeds, deleting or reformatting text,
 * suggestions in someone else's name, other shared types) is refused.
 */
import { suggestableBlocks } from '@baton/shared/blockSuggestions.ts';
import { readRecord } from '@baton/shared/formatSuggestions.ts';
import { rejectSuggestions } from '@baton/shared/suggestions.ts';
import {
  asFormatSuggestionAttrs,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  suggestionMarkNames,
} from '@baton/shared/suggestionMarks.ts';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import { editorSchema } from '../content/editorSchema.ts';
import { markNameOf } from '../content/readFragment.ts';

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
    if (!Y.isParentOf(fragment, type._item) || !knownFormatting(type, tr)) return false;
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

/**
 * Existing content may only gain or lose the writer's own deletion suggestion,
 * or change formatting as their own formatting suggestion (formatSuggested).
 */
function formattingChangeAllowed(before: Formatting, after: Formatting, userId: string): boolean {
  let formatChanged = false;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const is = after.get(key);
    if (equalityDeep(was, is)) continue;
    if (key === SUGGESTION_INSERT) return false;
    if (key === SUGGESTION_DELETE) {
      if (was !== undefined && !isOwnSuggestion(was, userId)) return false;
      if (is !== undefined && !isOwnSuggestion(is, userId)) return false;
      continue;
    }
    // The text's formatting, or its formatting suggestion.
    formatChanged = true;
  }
  return !formatChanged || formatSuggested(before, after, userId);
}

/**
 * A formatting change is the writer's suggestion when their own proposed text
 * changes, when the text ends up under their own `suggestionFormat` mark that
 * records the formatting it had before (readers and a rejection get exactly
 * that back, so a false record would be an unreviewed change), or when their
 * own mark goes with its recorded formatting put back.
 */
function formatSuggested(before: Formatting, after: Formatting, userId: string): boolean {
  const proposal = before.get(SUGGESTION_INSERT);
  if (isOwnSuggestion(proposal, userId) && equalityDeep(proposal, after.get(SUGGESTION_INSERT))) {
    return true;
  }
  const was = before.get(SUGGESTION_FORMAT);
  const is = after.get(SUGGESTION_FORMAT);
  const original = was === undefined ? plainFormatting(before) : recorded(was);
  if (original === null) return false;
  if (is !== undefined) {
    const record = recorded(is);
    return isOwnSuggestion(is, userId) && record !== null && sameFormatting(record, original);
  }
  return isOwnSuggestion(was, userId) && sameFormatting(plainFormatting(after), original);
}

/** The formatting without suggestion marks, as Yjs holds it: mark name → attributes. */
function plainFormatting(formatting: Formatting): Formatting {
  return new Map([...formatting].filter(([key]) => !suggestionMarkNames.includes(key)));
}

/** The formatting a `suggestionFormat` mark's attributes record, null when they record none. */
function recorded(value: unknown): Formatting | null {
  const attrs = asFormatSuggestionAttrs(value);
  const marks = attrs && readRecord(attrs.before);
  return marks && new Map(marks.map((mark) => [mark.type, mark.attrs ?? {}]));
}

/**
 * Whether two formattings are the same marks. Attributes are compared as the
 * editor reads them (defaults filled in): the record comes from the editor,
 * the text's formatting may have been written by any client.
 */
function sameFormatting(a: Formatting, b: Formatting): boolean {
  return (
    a.size === b.size &&
    [...a].every(
      ([key, value]) => b.has(key) && equalityDeep(asRead(key, value), asRead(key, b.get(key))),
    )
  );
}

function asRead(markName: string, attrs: unknown): unknown {
  const type = editorSchema.marks[markName];
  if (!type || typeof attrs !== 'object' || attrs === null) return attrs;
  try {
    return type.create(attrs as Record<string, unknown>).attrs;
  } catch {
    return attrs;
  }
}

const isNew = (item: Y.Item, tr: Y.Transaction) =>
  item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

/**
 * Whether `tr` writes only what the document can hold, inside `fragment`:
 * new children are paragraphs, headings, list items or texts; attributes are the ones
 * their block type has; formatting is of known marks.
 */
export function writesOnlyBlocks(tr: Y.Transaction, fragment: Y.XmlFragment): boolean {
  for (const [type, keys] of tr.changed) {
    if ((type as unknown) !== fragment && !Y.isParentOf(fragment, type._item)) return false;
    if (type instanceof Y.XmlText) {
      if (keys.size !== 1 || !keys.has(null) || !knownFormatting(type, tr)) return false;
    } else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
      for (const key of keys) {
        if (key !== null && !(type instanceof Y.XmlElement && knownAttribute(type, key)))
          return false;
      }
      if (keys.has(null) && !newChildrenAreBlocks(type, tr)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function newChildrenAreBlocks(parent: Y.XmlElement | Y.XmlFragment, tr: Y.Transaction): boolean {
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || !isNew(item, tr)) continue;
    if (!(item.content instanceof Y.ContentType)) return false;
    const child = item.content.type;
    if (child instanceof Y.XmlText) {
      if (!knownFormatting(child, tr)) return false;
    } else if (child instanceof Y.XmlElement) {
      // A list item holds the block of a break made in a list (Enter in an item).
      if (!suggestableBlocks.includes(child.nodeName) && child.nodeName !== 'listItem')
        return false;
      if (!Object.keys(child.getAttributes()).every((key) => knownAttribute(child, key)))
        return false;
      if (!newChildrenAreBlocks(child, tr)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function knownAttribute(element: Y.XmlElement, key: string): boolean {
  return Object.hasOwn(editorSchema.nodes[element.nodeName]?.spec.attrs ?? {}, key);
}

/** New formatting in `text` is of marks the schema knows. */
function knownFormatting(text: Y.XmlText, tr: Y.Transaction): boolean {
  for (let item = text._start; item !== null; item = item.right) {
    if (!isNew(item, tr) || !(item.content instanceof Y.ContentFormat)) continue;
    if (!editorSchema.marks[markNameOf(item.content.key)]) return false;
  }
  return true;
}

/**
 * Whether the drafts before and after an update read the same once the
 * writer's suggestions are rejected: all it changed is their suggestions.
 */
export function onlyTheirSuggestionsChanged(
  before: PmNode,
  after: PmNode,
  userId: string,
): boolean {
  const filter = { authorId: userId };
  return rejectSuggestions(new Transform(after), filter).doc.eq(
    rejectSuggestions(new Transform(before), filter).doc,
  );
}

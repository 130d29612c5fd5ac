/**
 * Suggestions (track changes) live in the document itself, as three marks on
 * text: `suggestionInsert` (proposed text, not yet part of the draft),
 * `suggestionDelete` (text proposed for removal, still part of the draft) and
 * `suggestionFormat` (text shown with proposed formatting; the mark records
 * the formatting it had before).
 * Stored as Yjs formatting attributes, they sync, persist and travel through
 * the stock y-websocket protocol like any other formatting (decision 0010).
 * DOM-free: the server derives its schema from these too.
 */
import { Mark, mergeAttributes } from '@tiptap/core';
import { colorForUser } from './userColor.ts';

export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const SUGGESTION_FORMAT = 'suggestionFormat';
export const suggestionMarkNames: readonly string[] = [
  SUGGESTION_INSERT,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
];

export type SuggestionKind = 'insert' | 'delete' | 'format';

/** What every suggestion mark carries: which suggestion, whose, and when (ISO time). */
export interface SuggestionAttrs {
  id: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

/** The attributes if `value` holds them (they come from the shared document: anyone could have written them). */
export function asSuggestionAttrs(value: unknown): SuggestionAttrs | null {
  if (typeof value !== 'object' || value === null) return null;
  const attrs = value as Partial<Record<keyof SuggestionAttrs, unknown>>;
  return typeof attrs.id === 'string' &&
    typeof attrs.authorId === 'string' &&
    typeof attrs.authorName === 'string' &&
    typeof attrs.createdAt === 'string'
    ? (attrs as SuggestionAttrs)
    : null;
}

/** A format suggestion's attributes: also the marks the text had before, as JSON (formatSuggestions.ts). */
export interface FormatSuggestionAttrs extends SuggestionAttrs {
  before: string;
}

/** The attributes if `value` holds a format suggestion's. */
export function asFormatSuggestionAttrs(value: unknown): FormatSuggestionAttrs | null {
  const attrs = asSuggestionAttrs(value);
  return attrs && typeof (attrs as Partial<FormatSuggestionAttrs>).before === 'string'
    ? (attrs as FormatSuggestionAttrs)
    : null;
}

/** One attribute, kept in HTML as `data-<name>` (copy and paste inside the editor keeps it). */
function dataAttribute(attr: keyof FormatSuggestionAttrs, htmlName: string) {
  return {
    default: null,
    parseHTML: (element: { getAttribute(name: string): string | null }) =>
      element.getAttribute(htmlName),
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[attr];
      return typeof value === 'string' ? { [htmlName]: value } : {};
    },
  };
}

const tags: Record<SuggestionKind, string> = { insert: 'ins', delete: 'del', format: 'span' };
const verbs: Record<SuggestionKind, string> = {
  insert: 'adding',
  delete: 'deleting',
  format: 'formatting',
};

function suggestionMark(name: string, kind: SuggestionKind) {
  const tag = tags[kind];
  return Mark.create({
    name,
    // Typing next to a suggestion does not join it: the suggesting plugin marks what it types.
    inclusive: false,
    addAttributes() {
      return {
        id: dataAttribute('id', 'data-suggestion-id'),
        authorId: dataAttribute('authorId', 'data-author-id'),
        authorName: dataAttribute('authorName', 'data-author-name'),
        createdAt: dataAttribute('createdAt', 'data-created-at'),
        ...(kind === 'format' ? { before: dataAttribute('before', 'data-before') } : {}),
      };
    },
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion-id]` }];
    },
    renderHTML({ mark, HTMLAttributes }) {
      const attrs = asSuggestionAttrs(mark.attrs);
      const shown: Record<string, string> = { class: `suggestion suggestion-${kind}` };
      if (attrs) {
        // Each writer's suggestions in their caret colour; the tooltip says whose they are.
        shown.style = `--suggestion-color: ${colorForUser(attrs.authorId)}`;
        shown.title = `${attrs.authorName} suggested ${verbs[kind]} this`;
      }
      return [tag, mergeAttributes(HTMLAttributes, shown), 0];
    },
  });
}

/** Proposed text: shown underlined, left out of everything published until accepted. */
export const SuggestionInsert = suggestionMark(SUGGESTION_INSERT, 'insert');
/** Text proposed for removal: shown struck through, still published until accepted. */
export const SuggestionDelete = suggestionMark(SUGGESTION_DELETE, 'delete');
/** Text with proposed formatting: shown with it, published with its `before` marks until accepted. */
export const SuggestionFormat = suggestionMark(SUGGESTION_FORMAT, 'format');

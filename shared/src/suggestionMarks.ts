/**
 * Suggestions (track changes) live in the document itself, as two marks on
 * text: `suggestionInsert` (proposed text, not yet part of the draft) and
 * `suggestionDelete` (text proposed for removal, still part of the draft).
 * Stored as Yjs formatting attributes, they sync, persist and travel through
 * the stock y-websocket protocol like any other formatting (decision 0010).
 * DOM-free: the server derives its schema from these too.
 */
import { Mark, mergeAttributes } from '@tiptap/core';
import { colorForUser } from './userColor.ts';

export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const suggestionMarkNames: readonly string[] = [SUGGESTION_INSERT, SUGGESTION_DELETE];

export type SuggestionKind = 'insert' | 'delete';

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

/** One attribute, kept in HTML as `data-<name>` (copy and paste inside the editor keeps it). */
function dataAttribute(attr: keyof SuggestionAttrs, htmlName: string) {
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

function suggestionMark(name: string, tag: 'ins' | 'del', kind: SuggestionKind) {
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
        shown.title = `${attrs.authorName} suggested ${kind === 'insert' ? 'adding' : 'deleting'} this`;
      }
      return [tag, mergeAttributes(HTMLAttributes, shown), 0];
    },
  });
}

/** Proposed text: shown underlined, left out of everything published until accepted. */
export const SuggestionInsert = suggestionMark(SUGGESTION_INSERT, 'ins', 'insert');
/** Text proposed for removal: shown struck through, still published until accepted. */
export const SuggestionDelete = suggestionMark(SUGGESTION_DELETE, 'del', 'delete');

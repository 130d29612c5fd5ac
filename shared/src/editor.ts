/**
 * The editor's document schema, as a Tiptap extension list both sides use:
 * the client adds view-only extensions (collaboration, carets, placeholder),
 * the server derives the ProseMirror schema from this list. DOM-free.
 */
import type { AnyExtension } from '@tiptap/core';
import { Code } from '@tiptap/extension-code';
import { StarterKit } from '@tiptap/starter-kit';
import { BlockSuggestions } from './blockSuggestions.ts';
import { isAllowedLinkTarget } from './links.ts';
import { SuggestionDelete, SuggestionFormat, SuggestionInsert } from './suggestionMarks.ts';

/**
 * Inline code still excludes the other formatting (and itself), but no longer
 * every mark: suggested text in code keeps its suggestion mark, and making
 * text code keeps the suggestion marks on it.
 */
const InlineCode = Code.extend({ excludes: 'code bold italic strike underline link' });

/** Extensions that define the document: nodes, marks and their attributes. */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs owns history: collaborative undo must not undo other writers' edits.
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // Enforced on paste, autolink and setLink; the reader's renderer checks again.
        isAllowedUri: (url) => isAllowedLinkTarget(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    InlineCode,
    // Track changes: suggested insertions, deletions and formatting (decision 0010).
    SuggestionInsert,
    SuggestionDelete,
    SuggestionFormat,
    BlockSuggestions,
  ];
}

/**
 * The editor's document schema, as a Tiptap extension list both sides use:
 * the client adds view-only extensions (collaboration, carets, placeholder),
 * the server derives the ProseMirror schema from this list. DOM-free.
 */
import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { isAllowedLinkTarget } from './links.ts';
import { SuggestionDelete, SuggestionInsert } from './suggestionMarks.ts';

/** Extensions that define the document: nodes, marks and their attributes. */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs owns history: collaborative undo must not undo other writers' edits.
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // Enforced on paste, autolink and setLink; the reader's renderer checks again.
        isAllowedUri: (url) => isAllowedLinkTarget(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    // Track changes: suggested insertions and deletions (decision 0010).
    SuggestionInsert,
    SuggestionDelete,
  ];
}

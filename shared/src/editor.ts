/**
 * The editor's document schema, as a Tiptap extension list both sides use:
 * the client adds view-only extensions (collaboration, carets, placeholder),
 * the server derives the ProseMirror schema from this list. DOM-free.
 */
import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';

/** Link targets the editor accepts; anything else is not turned into a link. */
export const allowedLinkProtocols = ['http', 'https', 'mailto'] as const;

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
        protocols: [...allowedLinkProtocols],
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
  ];
}

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AnyExtension, Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { documentExtensions } from '@baton/shared/editor.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { plural } from '../lib/format.ts';
import { BlocksNearSelection } from './blocksNearSelection.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { LinkShortcut } from './linkShortcut.ts';
import { othersAwareness } from './othersAwareness.ts';
import { RemovedWordsNotice } from './RemovedWordsNotice.tsx';
import type { AwarenessUser } from './presence.ts';
import { Toolbar } from './Toolbar.tsx';
import { ModeToggle } from '../suggestions/ModeToggle.tsx';
import type { SuggestionAuthor } from '../suggestions/suggestEdits.ts';
import { SuggestingMode } from '../suggestions/suggestingMode.ts';
import { selectionFromPage } from './selectionFromPage.ts';
import { useDocumentCounts } from './useDocumentCounts.ts';
import { useRemovedWords } from './useRemovedWords.ts';
import type { CollabSession } from './useCollabDoc.ts';

interface Props {
  session: CollabSession;
  user: AwarenessUser;
  editable: boolean;
  /** Who suggestions made here are from. */
  author: SuggestionAuthor;
  /** The writer may only suggest (a commenter): Suggesting mode, text formatting only. */
  suggestionsOnly: boolean;
  /** Rendered in the footer next to the counts (the status line). */
  footer: ReactNode;
  /** View-only extensions the page adds (read once, when the editor is created). */
  extensions?: readonly AnyExtension[];
  /** Told about the editor once it exists, and `null` when it goes away. */
  onEditor?: (editor: Editor | null) => void;
}

/** The Tiptap editor bound to the session's Y.Doc, with toolbar and word count. */
export function CollabEditor({
  session,
  user,
  editable,
  author,
  suggestionsOnly,
  footer,
  extensions = [],
  onEditor,
}: Props) {
  const [linkDialog, setLinkDialog] = useState(false);

  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        Placeholder.configure({
          // Editability follows your role and can change while the editor is open.
          showOnlyWhenEditable: false,
          placeholder: ({ editor: e }) =>
            e.isEditable ? 'Start writing…' : 'Nothing written yet.',
        }),
        Collaboration.configure({ document: session.ydoc, field: DOC_FRAGMENT }),
        CollaborationCaret.configure({
          provider: { awareness: othersAwareness(session.provider.awareness) },
          user,
        }),
        LinkShortcut.configure({
          onRequestLink: (e) => {
            if (!e.isEditable) return;
            selectionFromPage(e.view);
            setLinkDialog(true);
          },
        }),
        SuggestingMode.configure({ author }),
        BlocksNearSelection,
        ...extensions,
      ],
      editable,
      editorProps: {
        attributes: { class: 'essay', 'aria-label': 'Installment text', spellcheck: 'true' },
      },
    },
    // One editor per session; the parent keys this component by session id.
    [session],
  );

  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor.commands.setSuggestionsOnly(suggestionsOnly);
  }, [editor, suggestionsOnly]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  const counts = useDocumentCounts(editor);
  const removedWords = useRemovedWords(editor, session.ydoc);
  const openLinkDialog = useCallback(() => {
    selectionFromPage(editor.view);
    setLinkDialog(true);
  }, [editor]);
  // Back to the text with the selection it had, before the dialog goes: removing the field
  // that has the focus would let the browser move the focus and the page's selection on its
  // own, later. The dialog does not return the focus itself (focusing the editor's element
  // would put the caret at the start). view.focus() takes the focus at once (Tiptap's focus
  // command would wait a frame); the selection is then set twice, because the page's
  // selection is in the dialog's field and ProseMirror writes its own only when it changes.
  const closeLinkDialog = useCallback(() => {
    const { from, to } = editor.state.selection;
    editor.view.focus();
    editor.commands.setTextSelection(from);
    editor.commands.setTextSelection({ from, to });
    setLinkDialog(false);
  }, [editor]);

  return (
    <div className="editor">
      {editable && <ModeToggle editor={editor} />}
      {editable && (
        <Toolbar editor={editor} onLink={openLinkDialog} suggestionsOnly={suggestionsOnly} />
      )}
      {linkDialog && editable && <LinkDialog editor={editor} onClose={closeLinkDialog} />}
      {removedWords.report && (
        <RemovedWordsNotice report={removedWords.report} onDismiss={removedWords.dismiss} />
      )}
      <EditorContent editor={editor} className="editor__content" />
      <footer className="editor__footer">
        <span className="editor__counts" data-testid="counts">
          {plural(counts.words, 'word')} · {plural(counts.characters, 'character')}
        </span>
        {footer}
      </footer>
    </div>
  );
}

import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { limits } from '@baton/shared/limits.ts';
import { can, type Role } from '@baton/shared/roles.ts';
import { useCurrentUser } from '../auth/RequireAuth.tsx';
import { shortcutLabel } from '../lib/platform.ts';
import { anchorContext, anchorFromRange, type EncodedAnchor } from './anchors.ts';
import {
  CommentBubbleMenu,
  commentShortcut,
  hideCommentMenu,
  isCommentShortcut,
  selectionInEditor,
} from './CommentBubbleMenu.tsx';
import { commentPlaces, onHighlightClick, setCommentHighlights } from './commentHighlights.ts';
import { CommentForm } from './CommentForm.tsx';
import { revealCard, revealPassage } from './reveal.ts';
import { threadsOverlapping, type ThreadLinks } from './threadLinks.ts';
import { ThreadList } from './ThreadList.tsx';
import {
  documentOrder,
  filterCounts,
  matchesFilter,
  threadFilters,
  type ThreadFilter,
} from './threadOrder.ts';
import { selectionFromPage } from '../editor/selectionFromPage.ts';
import { useNow } from './useNow.ts';
import { useRestoredAnchors } from './useRestoredAnchors.ts';
import { useThreads } from './useThreads.ts';
import './comments.css';

interface Props {
  installmentId: string;
  /** Your role; null once you lost access (what is loaded stays readable). */
  role: Role | null;
  /** The live editor, once it exists; its extensions include `CommentHighlights`. */
  editor: Editor | null;
  /** Shown above the threads (the pending suggestions), given the way to their threads. */
  renderSuggestions?: (threads: ThreadLinks) => ReactNode;
}

interface Draft {
  anchor: EncodedAnchor;
  quote: string;
}

/** Which thread is selected, and what to scroll to show it. */
interface Focus {
  id: string;
  reveal: 'card' | 'passage' | null;
}

/**
 * Review comments beside the editor (a drawer on phones): the threads in
 * document order with a filter, the box for a new comment, the "Comment"
 * bubble menu and Mod-Alt-M, and the highlights they keep in sync.
 */
export function CommentsPanel({ installmentId, role, editor, renderSuggestions }: Props) {
  const me = useCurrentUser().id;
  const { store, snapshot } = useThreads(installmentId, role);
  const now = useNow();
  const canComment = can(role, 'comment');
  useRestoredAnchors(editor, store, can(role, 'edit'));
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const [focus, setFocus] = useState<Focus | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const focused = focus?.id ?? null;

  const order = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? documentOrder(commentPlaces(e.state).threads) : null),
  });

  // The editor highlights what the list shows (plus the passage being commented on).
  const { threads } = snapshot;
  useEffect(() => {
    if (!editor) return;
    setCommentHighlights(editor, {
      anchors: threads.map((t) => ({ id: t.id, anchor: t.anchor, resolved: t.resolved })),
      shown: new Set(threads.filter((t) => matchesFilter(t, filter)).map((t) => t.id)),
      focused,
      draft: draft?.anchor ?? null,
    });
  }, [editor, threads, filter, focused, draft]);

  useEffect(() => {
    if (!editor) return;
    return onHighlightClick(editor, (id) => {
      setFocus(id ? { id, reveal: 'card' } : null);
      if (id) setDrawerOpen(true);
    });
  }, [editor]);

  useEffect(() => {
    if (!focus?.reveal) return;
    if (focus.reveal === 'card') revealCard(panel.current, focus.id);
    // After a click on a highlight too: on phones the drawer that opened may cover it.
    if (editor) revealPassage(editor, focus.id, panel.current);
  }, [focus, editor]);

  const startComment = useCallback(() => {
    if (!editor || !canComment) return;
    const { state } = editor;
    const { from, to, empty } = state.selection;
    if (empty || state.doc.textBetween(from, to, ' ').trim() === '') {
      setNotice('Select the text you want to comment on first.');
      return;
    }
    const context = anchorContext(state);
    const anchor = context && anchorFromRange(context, { from, to });
    if (!anchor) {
      setNotice('The text is still loading. Try again in a moment.');
      return;
    }
    let quote = state.doc.textBetween(from, to, '\n');
    if (quote.length > limits.commentQuoteMax)
      quote = `${quote.slice(0, limits.commentQuoteMax - 1)}…`;
    hideCommentMenu(editor);
    setNotice(null);
    setFocus(null);
    setDrawerOpen(true);
    setDraft({ anchor, quote });
  }, [editor, canComment]);

  // A new passage to comment on: put the caret in the box (a draft keeps what was typed).
  useEffect(() => {
    if (draft) panel.current?.querySelector<HTMLTextAreaElement>('.composer textarea')?.focus();
  }, [draft]);

  useEffect(() => {
    if (!editor || !canComment) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event) || !selectionInEditor(editor)) return;
      event.preventDefault();
      // A selection just made with keys may not have reached ProseMirror yet.
      selectionFromPage(editor.view);
      startComment();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, canComment, startComment]);

  const threadLinks = useMemo<ThreadLinks>(
    () => ({
      canComment,
      // Read when asked: the places follow every keystroke, the list of threads does not.
      on: (from, to) =>
        editor ? threadsOverlapping(threads, commentPlaces(editor.state).threads, from, to) : [],
      discuss: (from, to) => {
        if (!editor) return;
        editor.chain().setTextSelection({ from, to }).run();
        startComment();
      },
      show: (id) => {
        const thread = threads.find((t) => t.id === id);
        if (thread && !matchesFilter(thread, filter)) setFilter('all');
        setFocus({ id, reveal: 'card' });
        setDrawerOpen(true);
      },
    }),
    [editor, threads, canComment, startComment, filter],
  );

  function cancelDraft() {
    setDraft(null);
    if (editor?.isEditable) editor.commands.focus();
  }

  async function postDraft(body: string) {
    if (!draft) return;
    const thread = await store.createThread({ anchor: draft.anchor, quote: draft.quote, body });
    setDraft(null);
    if (filter === 'resolved') setFilter('open');
    setFocus({ id: thread.id, reveal: 'card' });
  }

  const counts = filterCounts(threads);
  const shortcut = shortcutLabel(commentShortcut);

  return (
    <aside
      ref={panel}
      className={`comments${drawerOpen ? ' comments--open' : ''}`}
      aria-label="Comments"
      data-testid="comments"
    >
      <button
        type="button"
        className="comments__toggle"
        aria-label={counts.open > 0 ? `Comments, ${counts.open} open` : 'Comments'}
        aria-expanded={drawerOpen}
        aria-controls="comments-sheet"
        onClick={() => setDrawerOpen((open) => !open)}
      >
        Comments
        {counts.open > 0 && <span className="comments__badge">{counts.open}</span>}
      </button>
      {editor && canComment && <CommentBubbleMenu editor={editor} onComment={startComment} />}
      <div className="comments__sheet" id="comments-sheet">
        <div className="comments__head">
          <h2 className="comments__title">Comments</h2>
          <button
            type="button"
            className="button button--small button--quiet comments__close"
            onClick={() => setDrawerOpen(false)}
          >
            Close
          </button>
        </div>
        <div className="comments__filter" role="group" aria-label="Show comments">
          {threadFilters.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              className="comments__filter-button"
              aria-pressed={filter === id}
              onClick={() => setFilter(id)}
            >
              {label} <span className="comments__filter-count">{counts[id]}</span>
            </button>
          ))}
        </div>
        <div className="comments__body">
          {renderSuggestions?.(threadLinks)}
          {notice && (
            <p className="comments__notice" role="status">
              {notice}{' '}
              <button type="button" className="link-button" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </p>
          )}
          {draft && canComment && (
            <section className="composer" aria-label="New comment">
              <p className="composer__quote">{draft.quote}</p>
              <CommentForm
                label="Your comment"
                placeholder="Add a comment…"
                submitLabel="Comment"
                busyLabel="Posting…"
                onSubmit={postDraft}
                onCancel={cancelDraft}
              />
            </section>
          )}
          <ThreadList
            snapshot={snapshot}
            order={order}
            filter={filter}
            focused={focused}
            me={me}
            role={role}
            store={store}
            now={now}
            emptyHint={canComment ? `Select text and press ${shortcut} to comment.` : null}
            onFocus={(id, reveal) => setFocus({ id, reveal: reveal ? 'passage' : null })}
          />
        </div>
      </div>
    </aside>
  );
}

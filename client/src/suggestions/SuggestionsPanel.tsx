import { useMemo } from 'react';
import type { Editor } from '@tiptap/core';
import type { BlockType } from '@baton/shared/blockSuggestions.ts';
import {
  type BlockChange,
  type Suggestion,
  listSuggestions,
  type SuggestionFilter,
} from '@baton/shared/suggestions.ts';
import { colorForUser } from '@baton/shared/userColor.ts';
import { formatUpdated, plural } from '../lib/format.ts';
import { SpeechBubble } from '../comments/SpeechBubble.tsx';
import type { LinkedThread, ThreadLinks } from '../comments/threadLinks.ts';
import { useNow } from '../comments/useNow.ts';
import { useQuietView } from './useQuietView.ts';
import './suggestions.css';

interface Props {
  editor: Editor | null;
  /** Accept and reject anyone's suggestions (owners and editors). */
  canSettle: boolean;
  /** Your user id: you may withdraw your own suggestions. */
  me: string;
  /** The comment threads on each suggestion's text (absent: none shown). */
  threads?: ThreadLinks;
}

interface Person {
  id: string;
  name: string;
  count: number;
}

const kindLabel: Record<Suggestion['kind'], string> = {
  insert: 'Add',
  delete: 'Delete',
  replace: 'Replace',
  format: 'Format',
  block: 'Change',
};

/** "paragraph", "heading 2". */
function blockName({ type, attrs }: BlockType): string {
  if (type === 'heading') return `heading ${String(attrs?.level ?? '')}`.trim();
  return type === 'codeBlock' ? 'code block' : type;
}

/**
 * What a block suggestion changes, e.g. "New paragraph", "Heading 2 (was
 * paragraph)", "New list item", "Join to the paragraph before".
 */
function blockLabel(block: BlockChange): string {
  const is = blockName(block.is);
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (block.split) return block.inListItem ? 'New list item' : sentence(`new ${is}`);
  if (block.join)
    return block.inListItem ? 'Join to the list item before' : 'Join to the paragraph before';
  return block.was ? `${sentence(is)} (was ${blockName(block.was)})` : sentence(is);
}

const markLabels: Record<string, string> = {
  bold: 'bold',
  italic: 'italic',
  strike: 'strikethrough',
  underline: 'underline',
  code: 'code',
  link: 'link',
};

/** What a format suggestion changes, e.g. "bold, no italic". */
function formatChange(s: Suggestion): string {
  const label = (name: string) => markLabels[name] ?? name;
  const changes = [
    ...s.marksAdded.map(label),
    ...s.marksRemoved.map((name) => `no ${label(name)}`),
  ];
  // Only a mark's attributes changed (another link address).
  return changes.length > 0 ? changes.join(', ') : 'changed formatting';
}

/** The editor's selection now (the list may be a moment behind it). */
const selection = (editor: Editor): SuggestionFilter => ({
  from: editor.state.selection.from,
  to: editor.state.selection.to,
});

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text);

/** People with suggestions, in order of their first one. */
function peopleOf(suggestions: Suggestion[]): Person[] {
  const people = new Map<string, Person>();
  for (const s of suggestions) {
    const person = people.get(s.authorId);
    if (person) person.count++;
    else people.set(s.authorId, { id: s.authorId, name: s.authorName, count: 1 });
  }
  return [...people.values()];
}

/**
 * The pending suggestions beside the text, in document order: who, when and
 * what; accept or reject one, those in the selection, or all from one person.
 * Each is one transaction: one undo step, seen live by everyone.
 */
export function SuggestionsPanel({ editor, canSettle, me, threads }: Props) {
  const now = useNow();
  // A long essay is walked once typing pauses, not on every keystroke.
  const view = useQuietView(editor);
  const doc = view?.doc ?? null;
  const suggestions = useMemo(() => (doc ? listSuggestions(doc) : []), [doc]);
  if (!editor || suggestions.length === 0) return null;

  const settle = (verdict: 'accept' | 'reject', filter: SuggestionFilter) =>
    editor.chain().settleSuggestions(verdict, filter).run();
  const jump = (s: Suggestion) =>
    editor.chain().focus().setTextSelection({ from: s.from, to: s.to }).scrollIntoView().run();
  const selected =
    view && view.to > view.from
      ? suggestions.filter((s) => s.from < view.to && s.to > view.from).length
      : 0;

  return (
    <section className="suggestions" aria-label="Suggestions" data-testid="suggestions">
      <h3 className="suggestions__title">
        Suggestions <span className="suggestions__count">{suggestions.length}</span>
      </h3>
      {canSettle && (
        <ul className="suggestions__people">
          {peopleOf(suggestions).map((person) => (
            <li key={person.id} className="suggestions__person">
              <span className="suggestions__who">
                <span
                  className="suggestions__dot"
                  style={{ background: colorForUser(person.id) }}
                  aria-hidden="true"
                />
                {person.name} · {plural(person.count, 'suggestion')}
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => settle('accept', { authorId: person.id })}
              >
                Accept all
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => settle('reject', { authorId: person.id })}
              >
                Reject all
              </button>
            </li>
          ))}
        </ul>
      )}
      {canSettle && selected > 0 && view && (
        <p className="suggestions__selection">
          {plural(selected, 'suggestion')} in the selection:{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => settle('accept', selection(editor))}
          >
            Accept
          </button>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => settle('reject', selection(editor))}
          >
            Reject
          </button>
        </p>
      )}
      <ol className="suggestions__list">
        {suggestions.map((s) => (
          <li
            key={`${s.id}@${s.from}`}
            className="suggestion-card"
            data-testid="suggestion"
            style={{ borderLeftColor: colorForUser(s.authorId) }}
          >
            <button type="button" className="suggestion-card__jump" onClick={() => jump(s)}>
              <span className="suggestion-card__head">
                <strong>{s.authorName}</strong>
                <time dateTime={s.createdAt}>{formatUpdated(s.createdAt, now)}</time>
              </span>
              <span className="suggestion-card__what">
                {s.block ? (
                  <>
                    <span className="suggestion-card__block">{blockLabel(s.block)}</span>:{' '}
                    {s.kind === 'block' && (
                      <q className="suggestion-card__formatted">{excerpt(s.block.text)}</q>
                    )}
                  </>
                ) : (
                  `${kindLabel[s.kind]} `
                )}
                {s.deleted && <del>{excerpt(s.deleted)}</del>}
                {s.deleted && s.inserted && ' → '}
                {s.inserted && <ins>{excerpt(s.inserted)}</ins>}
                {s.kind === 'format' && (
                  <>
                    <q className="suggestion-card__formatted">{excerpt(s.formatted)}</q>:{' '}
                    <span className="suggestion-card__marks">{formatChange(s)}</span>
                  </>
                )}
              </span>
            </button>
            {threads && (
              <SuggestionThreads
                linked={threads.on(s.from, s.to)}
                onShow={threads.show}
                onDiscuss={threads.canComment ? () => threads.discuss(s.from, s.to) : null}
              />
            )}
            <span className="suggestion-card__actions">
              {canSettle ? (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => settle('accept', { ids: [s.id] })}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => settle('reject', { ids: [s.id] })}
                  >
                    Reject
                  </button>
                </>
              ) : (
                s.authorId === me && (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => settle('reject', { ids: [s.id] })}
                  >
                    Withdraw
                  </button>
                )
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A suggestion's comment threads, each opening its card; and "Comment" to start one. */
function SuggestionThreads({
  linked,
  onShow,
  onDiscuss,
}: {
  linked: LinkedThread[];
  onShow: (threadId: string) => void;
  onDiscuss: (() => void) | null;
}) {
  if (linked.length === 0 && !onDiscuss) return null;
  return (
    <span className="suggestion-card__threads">
      {linked.map((thread) => (
        <button
          key={thread.id}
          type="button"
          className={`suggestion-card__thread${thread.resolved ? ' suggestion-card__thread--resolved' : ''}`}
          aria-label={`Show ${thread.author}’s thread: ${plural(thread.messages, 'comment')}${thread.resolved ? ', resolved' : ''}`}
          onClick={() => onShow(thread.id)}
        >
          <SpeechBubble /> {plural(thread.messages, 'comment')}
          {thread.resolved && ' · resolved'}
        </button>
      ))}
      {onDiscuss && (
        <button
          type="button"
          className="link-button"
          aria-label="Comment on this suggestion"
          onClick={onDiscuss}
        >
          {linked.length > 0 ? 'New thread' : 'Comment'}
        </button>
      )}
    </span>
  );
}

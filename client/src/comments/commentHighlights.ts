/**
 * Highlights of commented passages: inline decorations placed from each
 * thread's Yjs anchor. The panel sends the threads with a meta transaction;
 * every change coming from Yjs re-places them (y-tiptap rebuilds the document
 * then), and local edits map them, with the same stickiness as the anchors.
 */
import { Extension, type Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  anchorContext,
  decodeAnchor,
  placeAnchor,
  type AnchorPlace,
  type DecodedAnchor,
  type EncodedAnchor,
  type PmRange,
} from './anchors.ts';
import { highlightSegments, type Highlight } from './highlightSegments.ts';

/** What the panel tells the editor. */
export interface HighlightInput {
  /** Every thread, so that all can be ordered; only the `shown` ones are drawn. */
  anchors: ReadonlyArray<{ id: string; anchor: EncodedAnchor; resolved: boolean }>;
  shown: ReadonlySet<string>;
  /** Drawn more strongly. */
  focused: string | null;
  /** The passage of the comment being written. */
  draft: EncodedAnchor | null;
}

/** Where each thread is, and the draft's passage. */
export interface HighlightPlaces {
  threads: ReadonlyMap<string, AnchorPlace>;
  draft: AnchorPlace | null;
}

interface PluginState {
  input: HighlightInput;
  decoded: ReadonlyMap<string, DecodedAnchor | null>;
  draft: DecodedAnchor | null;
  places: HighlightPlaces;
  decorations: DecorationSet;
}

export interface CommentHighlightsStorage {
  /** Called when a click lands on a highlight (its thread) or elsewhere in the text (null). */
  onActivate: ((threadId: string | null) => void) | null;
}

declare module '@tiptap/core' {
  interface Storage {
    commentHighlights: CommentHighlightsStorage;
  }
}

const key = new PluginKey<PluginState>('commentHighlights');

const emptyInput: HighlightInput = { anchors: [], shown: new Set(), focused: null, draft: null };

const decodedCache = new WeakMap<EncodedAnchor, DecodedAnchor | null>();
function decode(anchor: EncodedAnchor): DecodedAnchor | null {
  if (!decodedCache.has(anchor)) decodedCache.set(anchor, decodeAnchor(anchor));
  return decodedCache.get(anchor) ?? null;
}

function place(
  state: EditorState,
  decoded: ReadonlyMap<string, DecodedAnchor | null>,
  draft: DecodedAnchor | null,
): HighlightPlaces {
  const context = anchorContext(state);
  const placeOne = (anchor: DecodedAnchor | null): AnchorPlace => {
    if (!anchor) return 'detached';
    return context ? placeAnchor(context, anchor, state.doc) : 'unknown';
  };
  const threads = new Map<string, AnchorPlace>();
  for (const [id, anchor] of decoded) threads.set(id, placeOne(anchor));
  return { threads, draft: draft ? placeOne(draft) : null };
}

/** Local edits: start sticks to the text after it, end to the text before it. */
function mapPlace(placeNow: AnchorPlace, tr: Transaction): AnchorPlace {
  if (typeof placeNow === 'string') return placeNow;
  const from = tr.mapping.map(placeNow.from, 1);
  const to = tr.mapping.map(placeNow.to, -1);
  return to > from ? { from, to } : 'detached';
}

function mapPlaces(places: HighlightPlaces, tr: Transaction): HighlightPlaces {
  const threads = new Map<string, AnchorPlace>();
  for (const [id, p] of places.threads) threads.set(id, mapPlace(p, tr));
  return { threads, draft: places.draft && mapPlace(places.draft, tr) };
}

/** The draft's id among the highlights (thread ids are never empty). */
const DRAFT = '';

const isRange = (p: AnchorPlace | null | undefined): p is PmRange =>
  typeof p === 'object' && p !== null;

function decorate(doc: PmNode, input: HighlightInput, places: HighlightPlaces): DecorationSet {
  const highlights: Highlight[] = [];
  for (const id of input.shown) {
    const p = places.threads.get(id);
    if (isRange(p)) highlights.push({ id, ...p });
  }
  if (isRange(places.draft)) highlights.push({ id: DRAFT, ...places.draft });
  if (highlights.length === 0) return DecorationSet.empty;
  const resolved = new Set(input.anchors.filter((a) => a.resolved).map((a) => a.id));
  const decorations = highlightSegments(highlights).map(({ from, to, ids }) => {
    const threads = ids.filter((id) => id !== DRAFT);
    const classes = ['comment-mark'];
    if (input.focused && threads.includes(input.focused)) classes.push('comment-mark--focused');
    if (threads.length < ids.length) classes.push('comment-mark--draft');
    if (threads.length > 0 && threads.every((id) => resolved.has(id)))
      classes.push('comment-mark--resolved');
    return Decoration.inline(from, to, {
      class: classes.join(' '),
      'data-depth': String(Math.min(threads.length, 3)),
    });
  });
  return DecorationSet.create(doc, decorations);
}

/** The thread whose highlight is under `pos`: the shortest, when several overlap. */
function threadAt(state: PluginState, pos: number): string | null {
  let best: { id: string; length: number } | null = null;
  for (const id of state.input.shown) {
    const p = state.places.threads.get(id);
    if (!isRange(p) || pos < p.from || pos > p.to) continue;
    if (!best || p.to - p.from < best.length) best = { id, length: p.to - p.from };
  }
  return best?.id ?? null;
}

/** Draws the highlights; see `setCommentHighlights` and `commentPlaces`. */
export const CommentHighlights = Extension.create<Record<string, never>, CommentHighlightsStorage>({
  name: 'commentHighlights',

  addStorage() {
    return { onActivate: null };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin<PluginState>({
        key,
        state: {
          init: () => ({
            input: emptyInput,
            decoded: new Map(),
            draft: null,
            places: { threads: new Map(), draft: null },
            decorations: DecorationSet.empty,
          }),
          apply(tr, previous, _oldState, newState) {
            const input = tr.getMeta(key) as HighlightInput | undefined;
            if (input) {
              const decoded = new Map(input.anchors.map((t) => [t.id, decode(t.anchor)]));
              const draft = input.draft && decode(input.draft);
              const places = place(newState, decoded, draft);
              const decorations = decorate(newState.doc, input, places);
              return { input, decoded, draft, places, decorations };
            }
            if (!tr.docChanged) return previous;
            // y-tiptap replaces the whole document on changes from Yjs: place again from
            // the anchors. Local edits reach Yjs only after this, so they are mapped instead.
            const fromYjs = tr.getMeta(ySyncPluginKey) !== undefined;
            const places = fromYjs
              ? place(newState, previous.decoded, previous.draft)
              : mapPlaces(previous.places, tr);
            const decorations = decorate(newState.doc, previous.input, places);
            return { ...previous, places, decorations };
          },
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations,
          handleClick(view, pos) {
            const state = key.getState(view.state);
            if (state) storage.onActivate?.(threadAt(state, pos));
            // Clicks still place the caret or start a selection.
            return false;
          },
        },
      }),
    ];
  },
});

/** Sends the threads, the filter's choice, the focused thread and the draft to the editor. */
export function setCommentHighlights(editor: Editor, input: HighlightInput): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(key, input).setMeta('addToHistory', false));
}

/** Where each thread is in the current document (empty before the first `setCommentHighlights`). */
export function commentPlaces(state: EditorState): HighlightPlaces {
  return key.getState(state)?.places ?? { threads: new Map(), draft: null };
}

/** Calls `listener` on clicks in the text (see `CommentHighlightsStorage`); returns the undo. */
export function onHighlightClick(
  editor: Editor,
  listener: (threadId: string | null) => void,
): () => void {
  const storage = editor.storage.commentHighlights;
  storage.onActivate = listener;
  return () => {
    if (storage.onActivate === listener) storage.onActivate = null;
  };
}

/**
 * The Tiptap side of suggesting mode: the plugin (suggestingPlugin.ts) and
 * commands to switch modes and to accept or reject suggestions, each in one
 * transaction (one undo step, one change everyone sees).
 */
import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import {
  acceptSuggestions,
  rejectSuggestions,
  type SuggestionFilter,
} from '@baton/shared/suggestions.ts';
import type { SuggestionAuthor } from './suggestEdits.ts';
import {
  type SuggestingMeta,
  type SuggestingState,
  suggestingKey,
  suggestingPlugin,
} from './suggestingPlugin.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestingMode: {
      /** Editing (false) or Suggesting (true); a suggestions-only writer always suggests. */
      setSuggesting: (suggesting: boolean) => ReturnType;
      toggleSuggesting: () => ReturnType;
      /** The writer may only suggest (their role), as the server enforces it. */
      setSuggestionsOnly: (suggestionsOnly: boolean) => ReturnType;
      settleSuggestions: (verdict: 'accept' | 'reject', filter?: SuggestionFilter) => ReturnType;
    };
  }
}

export interface SuggestingModeOptions {
  author: SuggestionAuthor | null;
}

/** The mode the editor is in (Editing when the extension is missing). */
export function suggestingState(state: EditorState): SuggestingState {
  return suggestingKey.getState(state) ?? { suggesting: false, suggestionsOnly: false };
}

const modeMeta = (meta: SuggestingMeta) => meta;

export const SuggestingMode = Extension.create<SuggestingModeOptions>({
  name: 'suggestingMode',

  addOptions() {
    return { author: null };
  },

  addProseMirrorPlugins() {
    const { author } = this.options;
    if (!author) return [];
    return [
      suggestingPlugin({
        author,
        newId: () => crypto.randomUUID(),
        now: () => new Date().toISOString(),
      }),
    ];
  },

  addCommands() {
    return {
      setSuggesting:
        (suggesting) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestingKey, modeMeta({ suggesting }));
          return true;
        },
      toggleSuggesting:
        () =>
        ({ state, tr, dispatch }) => {
          const { suggesting, suggestionsOnly } = suggestingState(state);
          if (suggestionsOnly) return false;
          if (dispatch) tr.setMeta(suggestingKey, modeMeta({ suggesting: !suggesting }));
          return true;
        },
      setSuggestionsOnly:
        (suggestionsOnly) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestingKey, modeMeta({ suggestionsOnly }));
          return true;
        },
      settleSuggestions:
        (verdict, filter = {}) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            if (verdict === 'accept') acceptSuggestions(tr, filter);
            else rejectSuggestions(tr, filter);
            tr.setMeta(suggestingKey, modeMeta({ settling: true }));
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-s': () => this.editor.commands.toggleSuggesting() };
  },
});

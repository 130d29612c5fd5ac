import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { shortcutLabel } from '../lib/platform.ts';
import { suggestingState } from './suggestingMode.ts';

const shortcut = 'Mod-Alt-S';

/**
 * Editing / Suggesting. Writers who may only suggest (commenters) see the mode
 * they are in and why, not a switch.
 */
export function ModeToggle({ editor }: { editor: Editor }) {
  const mode = useEditorState({ editor, selector: ({ editor: e }) => suggestingState(e.state) });
  if (mode.suggestionsOnly) {
    return (
      <p className="mode-toggle mode-toggle--fixed" data-testid="mode">
        <span className="mode-toggle__dot" aria-hidden="true" />
        Suggesting: your changes are proposals the editors accept or reject.
      </p>
    );
  }
  // Back to the text at once (Tiptap's focus command waits a frame, and keys typed in
  // that frame would land on the button).
  const choose = (suggesting: boolean) => {
    editor.commands.setSuggesting(suggesting);
    editor.view.focus();
  };
  return (
    <div
      className="mode-toggle"
      role="group"
      aria-label={`Mode (${shortcutLabel(shortcut)} switches)`}
      data-testid="mode"
    >
      <button
        type="button"
        className="mode-toggle__button"
        aria-pressed={!mode.suggesting}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => choose(false)}
        title="Change the text directly"
      >
        Editing
      </button>
      <button
        type="button"
        className="mode-toggle__button mode-toggle__button--suggesting"
        aria-pressed={mode.suggesting}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => choose(true)}
        title={`Propose changes others accept or reject (${shortcutLabel(shortcut)})`}
      >
        Suggesting
      </button>
    </div>
  );
}

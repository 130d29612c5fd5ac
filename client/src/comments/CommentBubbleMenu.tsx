import type { Editor } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { BubbleMenu, type BubbleMenuProps } from '@tiptap/react/menus';
import { isApple, shortcutLabel } from '../lib/platform.ts';
import { SpeechBubble } from './SpeechBubble.tsx';

/** Mod-Alt-M, as in most editors with comments. */
export const commentShortcut = 'Mod-Alt-M';

const menuKey = new PluginKey('commentMenu');

/** Whether a keydown is the comment shortcut (by key position: Alt changes the character). */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  return (
    (isApple ? event.metaKey : event.ctrlKey) &&
    event.altKey &&
    !event.shiftKey &&
    event.code === 'KeyM'
  );
}

/**
 * Whether the editor's selection is the one in use: the editor has the focus,
 * or (read-only editors never take it) the page's selection lies inside it.
 */
export function selectionInEditor(editor: Editor): boolean {
  if (editor.view.hasFocus()) return true;
  const selection = window.getSelection();
  return Boolean(
    selection && selection.rangeCount > 0 && editor.view.dom.contains(selection.anchorNode),
  );
}

/**
 * Unlike Tiptap's default, this shows on read-only editors too: commenters
 * cannot edit, yet select text to comment on it.
 */
const shouldShow: NonNullable<BubbleMenuProps['shouldShow']> = ({
  editor,
  state,
  from,
  to,
  element,
}) => {
  if (state.selection.empty || state.doc.textBetween(from, to, ' ').trim() === '') return false;
  return element.contains(document.activeElement) || selectionInEditor(editor);
};

const options = { placement: 'top', offset: 8 } as const;

/** Hides the menu now (its passage moves to the comment box). */
export function hideCommentMenu(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(menuKey, 'hide'));
}

/** "Comment" above a selection, for people who may comment. */
export function CommentBubbleMenu({
  editor,
  onComment,
}: {
  editor: Editor;
  onComment: () => void;
}) {
  const shortcut = shortcutLabel(commentShortcut);
  return (
    <BubbleMenu
      editor={editor}
      pluginKey={menuKey}
      shouldShow={shouldShow}
      options={options}
      className="comment-menu"
      data-testid="comment-menu"
    >
      <button
        type="button"
        className="comment-menu__button"
        data-tooltip={`Comment (${shortcut})`}
        aria-keyshortcuts={isApple ? 'Meta+Alt+M' : 'Control+Alt+M'}
        // Keep the selection: it is what the comment is about.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
      >
        <SpeechBubble size={16} strokeWidth={1.8} />
        Comment
      </button>
    </BubbleMenu>
  );
}

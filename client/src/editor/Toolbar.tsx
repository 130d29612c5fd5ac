import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { isApple, shortcutLabel } from '../lib/platform.ts';
import { Icon } from './Icon.tsx';
import { parseLinkTarget } from './linkTarget.ts';
import { toolbarGroups, type ToolbarItem } from './toolbarItems.ts';

/** Asks for a link target and applies it to the selection; shared by the button and Mod-K. */
export function promptForLink(editor: Editor, report: (message: string | null) => void) {
  const current: unknown = editor.getAttributes('link').href;
  const answer = window.prompt(
    'Link to (https://…, mailto:…). Leave empty to remove the link.',
    typeof current === 'string' ? current : 'https://',
  );
  if (answer === null) return;
  const target = parseLinkTarget(answer === 'https://' ? '' : answer);
  if (target.kind === 'invalid') return report(target.message);
  report(null);
  const chain = editor.chain().focus().extendMarkRange('link');
  if (target.kind === 'remove') chain.unsetLink().run();
  else chain.setLink({ href: target.href }).run();
}

const modKey = isApple ? 'Meta' : 'Control';

function tooltip(label: string, shortcut?: string, hint?: string): string {
  if (shortcut) return `${label} (${shortcutLabel(shortcut)})`;
  return hint ? `${label} (${hint})` : label;
}

interface Props {
  editor: Editor;
  /** Problems to show next to the toolbar (e.g. a link that is not allowed). */
  notice: string | null;
  onNotice: (message: string | null) => void;
}

/** Formatting buttons; each shows its keyboard shortcut in its tooltip. */
export function Toolbar({ editor, notice, onNotice }: Props) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const active: Record<string, boolean> = {};
      for (const item of toolbarGroups.flat())
        if (item.isActive) active[item.id] = item.isActive(e);
      return {
        active,
        link: e.isActive('link'),
        canUndo: e.can().undo(),
        canRedo: e.can().redo(),
        editable: e.isEditable,
      };
    },
  });
  const disabled = (item: ToolbarItem) =>
    !state.editable ||
    (item.id === 'undo' && !state.canUndo) ||
    (item.id === 'redo' && !state.canRedo);

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {toolbarGroups.map((group, index) => (
        <div className="toolbar__group" key={index}>
          {group.map((item) => (
            <button
              key={item.id}
              type="button"
              className={`tool${state.active[item.id] ? ' tool--active' : ''}`}
              aria-label={item.label}
              aria-pressed={item.isActive ? Boolean(state.active[item.id]) : undefined}
              aria-keyshortcuts={item.shortcut?.replace(/Mod/g, modKey).replace(/-/g, '+')}
              data-tooltip={tooltip(item.label, item.shortcut, item.hint)}
              disabled={disabled(item)}
              // Keep the editor's selection: a toolbar click must not blur it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => item.run(editor)}
            >
              {'icon' in item.face ? (
                <Icon name={item.face.icon} />
              ) : (
                <span
                  className={`tool__text${item.face.style ? ` tool__text--${item.face.style}` : ''}`}
                >
                  {item.face.text}
                </span>
              )}
            </button>
          ))}
          {index === toolbarGroups.length - 1 && (
            <button
              type="button"
              className={`tool${state.link ? ' tool--active' : ''}`}
              aria-label="Link"
              aria-pressed={state.link}
              aria-keyshortcuts={`${modKey}+K`}
              data-tooltip={tooltip('Link', 'Mod-K')}
              disabled={!state.editable}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => promptForLink(editor, onNotice)}
            >
              <Icon name="link" />
            </button>
          )}
        </div>
      ))}
      {notice && (
        <p className="toolbar__notice" role="alert">
          {notice}
          <button type="button" className="link-button" onClick={() => onNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

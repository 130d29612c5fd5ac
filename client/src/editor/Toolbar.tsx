import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { isApple, shortcutLabel } from '../lib/platform.ts';
import { Icon } from './Icon.tsx';
import { toolbarGroups, type ToolbarItem } from './toolbarItems.ts';

const modKey = isApple ? 'Meta' : 'Control';

function tooltip(label: string, shortcut?: string, hint?: string): string {
  if (shortcut) return `${label} (${shortcutLabel(shortcut)})`;
  return hint ? `${label} (${hint})` : label;
}

interface Props {
  editor: Editor;
  /** Opens the link dialog (Mod-K does the same). */
  onLink: () => void;
  /** Only what a suggestions-only writer may suggest: text formatting, links and headings. */
  suggestionsOnly?: boolean;
}

/** Formatting buttons; each shows its keyboard shortcut in its tooltip. */
export function Toolbar({ editor, onLink, suggestionsOnly = false }: Props) {
  const groups = suggestionsOnly
    ? toolbarGroups
        .map((group) => group.filter((item) => item.suggestable))
        .filter((group) => group.length > 0)
    : toolbarGroups;
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
      {groups.map((group, index) => (
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
          {index === groups.length - 1 && (
            <button
              type="button"
              className={`tool${state.link ? ' tool--active' : ''}`}
              aria-label="Link"
              aria-pressed={state.link}
              aria-keyshortcuts={`${modKey}+K`}
              data-tooltip={tooltip('Link', 'Mod-K')}
              disabled={!state.editable}
              onMouseDown={(e) => e.preventDefault()}
              onClick={onLink}
            >
              <Icon name="link" />
            </button>
          )}
        </div>
      ))}
    </div>
  );
}

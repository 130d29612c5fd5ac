/** The toolbar's commands: what each does, when it is active, and its keyboard shortcut. */
import type { Editor } from '@tiptap/core';
import type { IconName } from './Icon.tsx';

export interface ToolbarItem {
  id: string;
  label: string;
  /** Tiptap notation, e.g. "Mod-Shift-8". */
  shortcut?: string;
  /** Another way to do it, shown in the tooltip when there is no shortcut. */
  hint?: string;
  /** Text face of the button, or an icon. */
  face:
    | { text: string; style?: 'bold' | 'italic' | 'strike' | 'mono' | 'heading' }
    | { icon: IconName };
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  /**
   * What it does can be a suggestion (text, its formatting, a heading's type):
   * a suggestions-only writer (commenter) may use it.
   */
  suggestable?: true;
}

const chain = (editor: Editor) => editor.chain().focus();

/** Groups of items, separated in the toolbar. Link is handled by the toolbar (it prompts). */
export const toolbarGroups: ToolbarItem[][] = [
  [
    {
      id: 'undo',
      suggestable: true,
      label: 'Undo',
      shortcut: 'Mod-Z',
      face: { icon: 'undo' },
      run: (e) => chain(e).undo().run(),
    },
    {
      id: 'redo',
      suggestable: true,
      label: 'Redo',
      shortcut: 'Mod-Shift-Z',
      face: { icon: 'redo' },
      run: (e) => chain(e).redo().run(),
    },
  ],
  [
    {
      id: 'bold',
      suggestable: true,
      label: 'Bold',
      shortcut: 'Mod-B',
      face: { text: 'B', style: 'bold' },
      isActive: (e) => e.isActive('bold'),
      run: (e) => chain(e).toggleBold().run(),
    },
    {
      id: 'italic',
      suggestable: true,
      label: 'Italic',
      shortcut: 'Mod-I',
      face: { text: 'I', style: 'italic' },
      isActive: (e) => e.isActive('italic'),
      run: (e) => chain(e).toggleItalic().run(),
    },
    {
      id: 'strike',
      suggestable: true,
      label: 'Strikethrough',
      shortcut: 'Mod-Shift-S',
      face: { text: 'S', style: 'strike' },
      isActive: (e) => e.isActive('strike'),
      run: (e) => chain(e).toggleStrike().run(),
    },
    {
      id: 'code',
      suggestable: true,
      label: 'Inline code',
      shortcut: 'Mod-E',
      face: { text: '</>', style: 'mono' },
      isActive: (e) => e.isActive('code'),
      run: (e) => chain(e).toggleCode().run(),
    },
  ],
  ([1, 2, 3] as const).map((level) => ({
    id: `h${level}`,
    suggestable: true as const,
    label: `Heading ${level}`,
    shortcut: `Mod-Alt-${level}`,
    face: { text: `H${level}`, style: 'heading' as const },
    isActive: (e: Editor) => e.isActive('heading', { level }),
    run: (e: Editor) => chain(e).toggleHeading({ level }).run(),
  })),
  [
    {
      id: 'bulletList',
      label: 'Bulleted list',
      shortcut: 'Mod-Shift-8',
      face: { icon: 'bulletList' },
      isActive: (e) => e.isActive('bulletList'),
      run: (e) => chain(e).toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: 'Numbered list',
      shortcut: 'Mod-Shift-7',
      face: { icon: 'orderedList' },
      isActive: (e) => e.isActive('orderedList'),
      run: (e) => chain(e).toggleOrderedList().run(),
    },
    {
      id: 'blockquote',
      label: 'Quote',
      shortcut: 'Mod-Shift-B',
      face: { icon: 'blockquote' },
      isActive: (e) => e.isActive('blockquote'),
      run: (e) => chain(e).toggleBlockquote().run(),
    },
    {
      id: 'codeBlock',
      label: 'Code block',
      shortcut: 'Mod-Alt-C',
      face: { icon: 'codeBlock' },
      isActive: (e) => e.isActive('codeBlock'),
      run: (e) => chain(e).toggleCodeBlock().run(),
    },
    {
      id: 'horizontalRule',
      label: 'Horizontal rule',
      hint: 'or type --- on a new line',
      face: { icon: 'rule' },
      run: (e) => chain(e).setHorizontalRule().run(),
    },
  ],
];

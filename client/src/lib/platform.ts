/** Whether shortcuts use ⌘ (Apple) or Ctrl, for labels and tooltips. */
export const isApple = /Mac|iPhone|iPad|iPod/.test(
  typeof navigator === 'undefined' ? '' : navigator.platform || navigator.userAgent,
);

/**
 * A Tiptap shortcut ("Mod-Shift-8") as a person reads it: "⌘⇧8" or "Ctrl+Shift+8".
 */
export function shortcutLabel(shortcut: string): string {
  const parts = shortcut.split('-');
  const names = parts.map((part) => {
    switch (part) {
      case 'Mod':
        return isApple ? '⌘' : 'Ctrl';
      case 'Shift':
        return isApple ? '⇧' : 'Shift';
      case 'Alt':
        return isApple ? '⌥' : 'Alt';
      default:
        return part.length === 1 ? part.toUpperCase() : part;
    }
  });
  return isApple ? names.join('') : names.join('+');
}

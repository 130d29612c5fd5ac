/** The few toolbar glyphs that text cannot draw; 24×24, stroked in the current colour. */
const paths = {
  bulletList:
    'M9 6h11M9 12h11M9 18h11M3.8 6a.7.7 0 1 0 1.4 0a.7.7 0 1 0-1.4 0M3.8 12a.7.7 0 1 0 1.4 0a.7.7 0 1 0-1.4 0M3.8 18a.7.7 0 1 0 1.4 0a.7.7 0 1 0-1.4 0',
  orderedList:
    'M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M3.5 14.5a1.3 1.3 0 0 1 2.5.5c0 1-2.5 2-2.5 3H6',
  blockquote: 'M4 5v14M9 7h11M9 12h11M9 17h7',
  codeBlock: 'M3.5 4.5h17v15h-17zM10 9.5 7.5 12l2.5 2.5M14 9.5l2.5 2.5-2.5 2.5',
  rule: 'M3 12h18M7 7.5h10M7 16.5h10',
  link: 'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1.3 1.3M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1.3-1.3',
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

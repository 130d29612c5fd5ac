/**
 * Overlapping highlights as flat segments. ProseMirror merges the attributes of
 * inline decorations that cover the same text into one span, so stacked
 * highlights cannot darken by themselves: each segment says how many cover it.
 */

export interface Highlight {
  id: string;
  from: number;
  to: number;
}

export interface Segment {
  from: number;
  to: number;
  /** The highlights covering the whole segment, in input order. */
  ids: string[];
}

/** Cuts the highlighted ranges at every boundary; uncovered gaps are left out. */
export function highlightSegments(highlights: readonly Highlight[]): Segment[] {
  const valid = highlights.filter((h) => h.to > h.from);
  const points = [...new Set(valid.flatMap((h) => [h.from, h.to]))].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const ids = valid.filter((h) => h.from <= from && h.to >= to).map((h) => h.id);
    if (ids.length > 0) segments.push({ from, to, ids });
  }
  return segments;
}

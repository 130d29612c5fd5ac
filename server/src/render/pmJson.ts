/**
 * ProseMirror JSON as it arrives from storage or the collaborative document:
 * untrusted shape. These readers never throw; odd values read as absent.
 */
export interface PmNode {
  type: string;
  attrs: Record<string, unknown>;
  content: PmNode[];
  text: string;
  marks: Array<{ type: string; attrs: Record<string, unknown> }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Normalizes one node (and its subtree) into a total shape. */
export function readNode(value: unknown, depth = 0): PmNode {
  const raw = isRecord(value) ? value : {};
  const children = Array.isArray(raw.content) && depth < 64 ? raw.content : [];
  return {
    type: typeof raw.type === 'string' ? raw.type : 'unknown',
    attrs: isRecord(raw.attrs) ? raw.attrs : {},
    content: children.map((c) => readNode(c, depth + 1)),
    text: typeof raw.text === 'string' ? raw.text : '',
    marks: (Array.isArray(raw.marks) ? raw.marks : []).map((m) => {
      const mark = isRecord(m) ? m : {};
      return {
        type: typeof mark.type === 'string' ? mark.type : 'unknown',
        attrs: isRecord(mark.attrs) ? mark.attrs : {},
      };
    }),
  };
}

/** Plain text of a node, blocks separated by blank lines. */
export function nodeText(node: PmNode): string {
  if (node.type === 'text') return node.text;
  if (node.type === 'hardBreak') return '\n';
  const inner = node.content.map(nodeText);
  const isBlockContainer = node.content.some((c) => c.type !== 'text' && c.type !== 'hardBreak');
  return inner.join(isBlockContainer ? '\n\n' : '');
}

/**
 * Turns an imported plain-text or Markdown file into a document, and picks a
 * title from its first line when none is given.
 */
import type { ImportInput } from '@baton/shared/publish.ts';
import { limits } from '@baton/shared/limits.ts';
import type { Node as PmNode } from '@tiptap/pm/model';
import { editorSchema } from '../content/editorSchema.ts';
import { parseMarkdown } from './markdown.ts';
import { textParagraphs } from './textParagraphs.ts';

export interface ImportedDocument {
  title: string;
  doc: PmNode;
}

const clampTitle = (line: string) => line.trim().slice(0, limits.installmentTitleMax).trim();

export function importDocument(input: ImportInput, title: string | undefined): ImportedDocument {
  if (input.format === 'text') {
    const paragraphs = textParagraphs(input.text);
    const useFirst = title === undefined && paragraphs.length > 0;
    const body = useFirst ? paragraphs.slice(1) : paragraphs;
    const doc = editorSchema.node(
      'doc',
      null,
      (body.length ? body : ['']).map((p) =>
        editorSchema.node('paragraph', null, p ? [editorSchema.text(p)] : []),
      ),
    );
    return { title: title ?? (clampTitle(paragraphs[0] ?? '') || 'Untitled'), doc };
  }
  let doc = parseMarkdown(input.text);
  let chosen = title;
  const first = doc.firstChild;
  if (
    chosen === undefined &&
    first &&
    (first.type.name === 'heading' || first.type.name === 'paragraph')
  ) {
    chosen = clampTitle(first.textContent);
    const rest: PmNode[] = [];
    doc.forEach((node, _offset, index) => {
      if (index > 0) rest.push(node);
    });
    doc = editorSchema.node('doc', null, rest.length ? rest : [editorSchema.node('paragraph')]);
  }
  return { title: chosen || 'Untitled', doc };
}

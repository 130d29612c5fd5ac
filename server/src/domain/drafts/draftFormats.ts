/** The draft in and out of the content API's formats: Markdown, ProseMirror JSON, plain text. */
import { documentJson } from '@baton/shared/blockSuggestions.ts';
import type { ContentFormat } from '@baton/shared/content.ts';
import type { Node as PmNode } from '@tiptap/pm/model';
import { createHash } from 'node:crypto';
import { editorSchema } from '../../content/editorSchema.ts';
import { AppError } from '../../errors/appError.ts';
import { loadMarkdown } from '../../render/loadOnFirstUse.ts';
import { textParagraphs } from '../../render/textParagraphs.ts';

const invalid = (message: string) => new AppError('invalid_content', 400, message);

function plainTextDocument(text: string): PmNode {
  const paragraphs = textParagraphs(text);
  return editorSchema.node(
    'doc',
    null,
    (paragraphs.length ? paragraphs : ['']).map((p) =>
      editorSchema.node('paragraph', null, p ? [editorSchema.text(p)] : []),
    ),
  );
}

function jsonDocument(text: string): PmNode {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('The text is not valid JSON.');
  }
  try {
    const node = editorSchema.nodeFromJSON(json);
    node.check();
    if (node.type.name !== 'doc') throw new Error('not a document');
    return node;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not a document of this editor';
    throw invalid(`The JSON is not a document of this editor: ${reason}`);
  }
}

/** Parses `text` in `format`; anything unreadable is a 400 `invalid_content`, never a crash. */
export async function parseDraftText(format: ContentFormat, text: string): Promise<PmNode> {
  switch (format) {
    case 'markdown': {
      const { parseMarkdown } = await loadMarkdown();
      try {
        return parseMarkdown(text);
      } catch {
        // markdown-it accepts any text; a schema mismatch would land here.
        throw invalid('The Markdown could not be turned into a document.');
      }
    }
    case 'json':
      return jsonDocument(text);
    case 'text':
      return plainTextDocument(text);
  }
}

/** The draft in `format`. */
export async function formatDraft(node: PmNode, format: ContentFormat): Promise<string> {
  switch (format) {
    case 'markdown':
      return (await loadMarkdown()).toMarkdown(node);
    case 'json':
      return JSON.stringify(documentJson(node));
    case 'text':
      return node.textBetween(0, node.content.size, '\n\n', '\n').trim();
  }
}

/** Identifies the draft's content (not its title): the `baseHash` of a later write. */
export function draftHash(node: PmNode): string {
  return createHash('sha256')
    .update(JSON.stringify(documentJson(node)))
    .digest('hex');
}

/** Whether a document holds nothing but one empty paragraph (a new draft). */
export function isBlank(node: PmNode): boolean {
  return node.childCount === 0 || (node.childCount === 1 && node.firstChild!.content.size === 0);
}

/**
 * Markdown in and out, for the editor's schema (Tiptap's node names): import
 * of `.md` files and the Markdown of published versions. Raw HTML in Markdown
 * is not parsed; link targets pass markdown-it's own safety check, and the
 * HTML renderer checks again.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import MarkdownIt from 'markdown-it';
import {
  defaultMarkdownSerializer as base,
  MarkdownParser,
  MarkdownSerializer,
  type MarkdownSerializerState,
} from 'prosemirror-markdown';
import { withoutSuggestions } from '@baton/shared/suggestions.ts';
import { editorSchema } from '../content/editorSchema.ts';

const tokenizer = new MarkdownIt('commonmark', { html: false }).enable('strikethrough');

const parser = new MarkdownParser(editorSchema, tokenizer, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'listItem' },
  bullet_list: { block: 'bulletList' },
  ordered_list: {
    block: 'orderedList',
    getAttrs: (tok) => ({ start: Number(tok.attrGet('start')) || 1 }),
  },
  heading: {
    block: 'heading',
    getAttrs: (tok) => ({ level: Math.min(3, Number(tok.tag.slice(1)) || 1) }),
  },
  code_block: { block: 'codeBlock', noCloseToken: true },
  fence: {
    block: 'codeBlock',
    getAttrs: (tok) => ({ language: tok.info.trim() || null }),
    noCloseToken: true,
  },
  hr: { node: 'horizontalRule' },
  hardbreak: { node: 'hardBreak' },
  image: { ignore: true, noCloseToken: true },
  em: { mark: 'italic' },
  strong: { mark: 'bold' },
  s: { mark: 'strike' },
  link: { mark: 'link', getAttrs: (tok) => ({ href: tok.attrGet('href') }) },
  code_inline: { mark: 'code', noCloseToken: true },
});

/** Parses Markdown into a document of the editor's schema. */
export function parseMarkdown(markdown: string): PmNode {
  return parser.parse(markdown);
}

/** What Markdown reads as the start of a block when a line begins with it. */
const blockMarker = /^(#{1,6}|[-+*>]|\d+[.)])(?=\s|$)/;

const serializer = new MarkdownSerializer(
  {
    blockquote: base.nodes.blockquote!,
    paragraph: base.nodes.paragraph!,
    heading: base.nodes.heading!,
    horizontalRule: base.nodes.horizontal_rule!,
    bulletList: base.nodes.bullet_list!,
    listItem: base.nodes.list_item!,
    hardBreak: base.nodes.hard_break!,
    text(state: MarkdownSerializerState, node: PmNode, parent: PmNode, index: number) {
      // prosemirror-markdown escapes block markers only where the output line
      // starts, so it misses "1)", "1." at the end, and any marker inside a list
      // item or after a hard break; a heading's trailing "#"s are a closing
      // sequence. All found by the round-trip property test.
      let text = node.text ?? '';
      const startsLine = index === 0 || parent.child(index - 1).type.name === 'hardBreak';
      const marker = startsLine ? blockMarker.exec(text) : null;
      if (marker) {
        const raw = marker[0];
        state.write(`${raw.slice(0, -1)}\\${raw.slice(-1)}`);
        text = text.slice(raw.length);
      }
      const closing =
        parent.type.name === 'heading' && index === parent.childCount - 1
          ? /(^|\s)(#+)\s*$/.exec(text)
          : null;
      const body = closing ? text.slice(0, closing.index + closing[1]!.length) : text;
      if (body) state.text(body);
      if (closing) state.write(closing[2]!.replace(/#/g, '\\#'));
    },
    orderedList(state: MarkdownSerializerState, node: PmNode) {
      const start = typeof node.attrs.start === 'number' ? node.attrs.start : 1;
      const maxWidth = String(start + node.childCount - 1).length;
      const space = ' '.repeat(maxWidth + 2);
      state.renderList(node, space, (i) => {
        const n = String(start + i);
        return ' '.repeat(maxWidth - n.length) + n + '. ';
      });
    },
    codeBlock(state: MarkdownSerializerState, node: PmNode) {
      const fence = node.textContent.includes('```') ? '````' : '```';
      const language = typeof node.attrs.language === 'string' ? node.attrs.language : '';
      state.write(fence + language + '\n');
      state.text(node.textContent, false);
      state.ensureNewLine();
      state.write(fence);
      state.closeBlock(node);
    },
  },
  {
    italic: base.marks.em!,
    bold: base.marks.strong!,
    code: base.marks.code!,
    link: base.marks.link!,
    strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
    underline: { open: '', close: '' },
  },
);

/** Markdown of a document of the editor's schema. */
export function toMarkdown(doc: PmNode): string {
  // Pending suggestions are not part of the text (SUG-3); the serializer knows no such marks.
  return serializer.serialize(withoutSuggestions(doc));
}

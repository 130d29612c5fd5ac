/**
 * ProseMirror JSON → HTML for readers, from an allowlist of nodes, marks and
 * attributes: unknown nodes keep only their text, link targets must be http,
 * https, mailto, relative or `#`, heading levels are clamped, and no style or
 * event attribute is ever written. A standard sanitizer then runs over the
 * result as a second layer. Never throws, whatever the document holds.
 */
import { isAllowedLinkTarget } from '@baton/shared/links.ts';
import { SUGGESTION_INSERT } from '@baton/shared/suggestionMarks.ts';
import type SanitizeHtml from 'sanitize-html';
import { escapeAttr, escapeText } from './escape.ts';
import { sanitizeHtml } from './onFirstUse.ts';
import { type PmNode, readNode } from './pmJson.ts';

const markTags: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
};

function renderMarks(node: PmNode, inner: string): string {
  let html = inner;
  for (const mark of node.marks) {
    const tag = markTags[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
    else if (mark.type === 'link') {
      const href = typeof mark.attrs.href === 'string' ? mark.attrs.href.trim() : '';
      if (isAllowedLinkTarget(href)) {
        html = `<a href="${escapeAttr(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
      }
    }
  }
  return html;
}

function headingLevel(attrs: Record<string, unknown>): number {
  const level = typeof attrs.level === 'number' && Number.isFinite(attrs.level) ? attrs.level : 1;
  // The page title is the h1; document headings 1–3 become h2–h4.
  return Math.min(3, Math.max(1, Math.round(level))) + 1;
}

function renderNode(node: PmNode): string {
  const inner = () => node.content.map(renderNode).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'text':
      // Proposed text is not part of the installment until accepted (SUG-3).
      if (node.marks.some((mark) => mark.type === SUGGESTION_INSERT)) return '';
      return renderMarks(node, escapeText(node.text));
    case 'paragraph':
      return `<p>${inner()}</p>\n`;
    case 'heading': {
      const h = headingLevel(node.attrs);
      return `<h${h}>${inner()}</h${h}>\n`;
    }
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>\n`;
    case 'bulletList':
      return `<ul>${inner()}</ul>\n`;
    case 'orderedList': {
      const start = node.attrs.start;
      const valid =
        typeof start === 'number' && Number.isInteger(start) && start > 1 && start < 1e6;
      return `<ol${valid ? ` start="${start}"` : ''}>${inner()}</ol>\n`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'codeBlock':
      return `<pre><code>${node.content.map((c) => escapeText(c.text)).join('')}</code></pre>\n`;
    case 'horizontalRule':
      return '<hr>\n';
    case 'hardBreak':
      return '<br>';
    default:
      // Unknown node: keep what it says, drop what it is.
      return inner();
  }
}

const sanitizerOptions: SanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'pre',
    'code',
    'hr',
    'br',
    'strong',
    'em',
    's',
    'u',
    'a',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** Sanitized HTML for a ProseMirror document given as untrusted JSON. */
export function renderHtml(json: unknown): string {
  let html: string;
  try {
    html = renderNode(readNode(json));
  } catch {
    html = '';
  }
  return sanitizeHtml()(html, sanitizerOptions);
}

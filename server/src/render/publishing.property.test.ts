/**
 * Property tests (fast-check, shrinking) of the publishing pipeline: Markdown
 * survives a round trip, rendered HTML never carries a way to run script, and
 * a document compared with itself has no changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../content/editorSchema.ts';
import { diffDocuments } from './diffDocuments.ts';
import { parseMarkdown, toMarkdown } from './markdown.ts';
import { readNode } from './pmJson.ts';
import { renderHtml } from './renderHtml.ts';

/**
 * Words with the characters Markdown gives meaning to. Not "_": runs such as
 * "__0__" next to other emphasis still come back different (prosemirror-markdown
 * escapes "_" only outside words), a known gap left for later.
 */
const word = fc.stringMatching(/^[A-Za-z0-9*#`[\]()<>!\\~.-]{1,8}$/);
const markSet = fc.subarray(['bold', 'italic', 'strike', 'code'], { maxLength: 2 });

/** A run of text with one set of marks (code stays alone: Markdown cannot nest inside it). */
const run = fc.record({
  text: fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
  marks: markSet.map((m) => (m.includes('code') ? ['code'] : m)),
});

/** Runs joined by single spaces, unmarked between marked runs, as a writer would type. */
const paragraphContent = fc.array(run, { minLength: 1, maxLength: 4 }).map((runs) =>
  runs.flatMap((r, i) => {
    const node = {
      type: 'text',
      text: r.text,
      ...(r.marks.length > 0 && { marks: r.marks.map((type) => ({ type })) }),
    };
    return i === 0 ? [node] : [{ type: 'text', text: ' ' }, node];
  }),
);

const block = fc.oneof(
  paragraphContent.map((content) => ({ type: 'paragraph', content })),
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), paragraphContent)
    .map(([level, content]) => ({ type: 'heading', attrs: { level }, content })),
  fc.array(paragraphContent, { minLength: 1, maxLength: 3 }).map((items) => ({
    type: 'bulletList',
    content: items.map((content) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content }],
    })),
  })),
  paragraphContent.map((content) => ({
    type: 'blockquote',
    content: [{ type: 'paragraph', content }],
  })),
);

/**
 * Blocks in document order. Two lists in a row are one list in Markdown (the
 * format cannot tell them apart), so a writer's paragraph separates them.
 */
const documentJson = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => ({
  type: 'doc',
  content: blocks.flatMap((b, i) =>
    i > 0 && b.type === 'bulletList' && blocks[i - 1]!.type === 'bulletList'
      ? [{ type: 'paragraph', content: [{ type: 'text', text: 'Between.' }] }, b]
      : [b],
  ),
}));

/** Like the fuzz suite: one seed by default, so a run is repeatable; BATON_SEED tries others. */
const seed = Number(process.env.BATON_SEED ?? 1);

/** The document as the schema normalises it (adjacent text with equal marks merged). */
const canonical = (json: unknown) => editorSchema.nodeFromJSON(json).toJSON() as unknown;

/** Every attribute of every tag in `html`, values unquoted (entities left as they are). */
function attributes(html: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    for (const m of tag.matchAll(/\s([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      found.push([m[1]!, (m[2] ?? '').replace(/^["']|["']$/g, '')]);
    }
  }
  return found;
}

describe('publishing properties', () => {
  it('PUB-4 a paragraph that starts like a list or a heading stays a paragraph in Markdown', () => {
    for (const text of ['1) First', '2.', '# not a heading', '> not a quote', '- not a list']) {
      const doc = editorSchema.node('doc', null, [
        editorSchema.node('paragraph', null, [editorSchema.text(text)]),
      ]);
      expect(parseMarkdown(toMarkdown(doc)).toJSON()).toEqual(doc.toJSON());
    }
  });

  it('PUB-4 Markdown out and back in gives the same document', () => {
    fc.assert(
      fc.property(documentJson, (json) => {
        const doc = editorSchema.nodeFromJSON(json);
        expect(parseMarkdown(toMarkdown(doc)).toJSON()).toEqual(canonical(json));
      }),
      { numRuns: 300, seed },
    );
  });

  const hostileHref = fc.constantFrom(
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:x',
    'data:text/html,<script>alert(1)</script>',
    'https://example.org/" onmouseover="alert(1)',
    '#ok',
    'https://example.org/a',
  );
  const hostileText = fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    'plain words',
  );
  const hostileAttrs = fc.dictionary(
    fc.constantFrom('onclick', 'onload', 'style', 'href', 'class', 'level', 'src'),
    fc.constantFrom('alert(1)', 'javascript:alert(1)', '99', 'x'),
  );
  const hostileDoc = fc
    .array(
      fc.record({
        type: fc.constantFrom('paragraph', 'heading', 'script', 'iframe', 'blockquote'),
        attrs: hostileAttrs,
        text: hostileText,
        href: hostileHref,
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((blocks) => ({
      type: 'doc',
      content: blocks.map((b) => ({
        type: b.type,
        attrs: b.attrs,
        content: [
          {
            type: 'text',
            text: b.text,
            marks: [{ type: 'link', attrs: { href: b.href, ...b.attrs } }],
          },
        ],
      })),
    }));

  it('PUB-4 rendered HTML never holds a script element, an on* attribute or a javascript: link', () => {
    fc.assert(
      fc.property(hostileDoc, (json) => {
        const html = renderHtml(json);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<(iframe|svg|img)\b/i);
        // Text may say anything (it is escaped); tags may not carry handlers or script links.
        for (const [name, value] of attributes(html)) {
          expect(name).not.toMatch(/^on/i);
          expect(value.replace(/\s/g, '')).not.toMatch(/^((java|vb)script|data):/i);
        }
      }),
      { numRuns: 300, seed },
    );
  });

  it('PUB-3 a document compared with itself has no changes', () => {
    fc.assert(
      fc.property(documentJson, (json) => {
        const node = readNode(canonical(json));
        const diff = diffDocuments(node, node, 1, 2);
        expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, moved: 0 });
      }),
      { numRuns: 200, seed },
    );
  });
});

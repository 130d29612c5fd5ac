import { getSchema } from '@tiptap/core';
import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { documentExtensions } from './editor.ts';
import { recordFormatting } from './formatSuggestions.ts';
import {
  acceptSuggestions,
  listSuggestions,
  rejectSuggestions,
  type SuggestionFilter,
  withoutSuggestions,
} from './suggestions.ts';

const schema = getSchema(documentExtensions());

const ada = { authorId: 'ada', authorName: 'Ada', createdAt: '2025-01-01T10:00:00.000Z' };
const bo = { authorId: 'bo', authorName: 'Bo', createdAt: '2025-01-01T11:00:00.000Z' };

const ins = (id: string, who = ada) => schema.mark('suggestionInsert', { id, ...who });
const del = (id: string, who = ada) => schema.mark('suggestionDelete', { id, ...who });
const fmt = (id: string, before: Mark[], who = ada) =>
  schema.mark('suggestionFormat', { id, ...who, before: recordFormatting(before) });
const bold = schema.mark('bold');
const italic = schema.mark('italic');
const code = schema.mark('code');
const link = schema.mark('link', { href: 'https://example.com/' });

const t = (text: string, ...marks: Mark[]) => schema.text(text, marks);
const p = (...content: PmNode[]) => schema.node('paragraph', null, content);
const doc = (...blocks: PmNode[]) => schema.node('doc', null, blocks);

const accept = (d: PmNode, filter?: SuggestionFilter) =>
  acceptSuggestions(new Transform(d), filter).doc;
const reject = (d: PmNode, filter?: SuggestionFilter) =>
  rejectSuggestions(new Transform(d), filter).doc;
const same = (a: PmNode, b: PmNode) => expect(a.toJSON()).toEqual(b.toJSON());
const noFormat = { block: null, formatted: '', marksAdded: [], marksRemoved: [] };

describe('accepting and rejecting suggestions', () => {
  it('SUG-2 an insertion holding bold, italic and a link keeps them when accepted and leaves no trace when rejected', () => {
    const draft = doc(p(t('Before '), t('new words', ins('s1'), bold, italic, link), t(' after.')));
    same(accept(draft), doc(p(t('Before '), t('new words', bold, italic, link), t(' after.'))));
    same(reject(draft), doc(p(t('Before  after.'))));
  });

  it('SUG-2 a deletion across a bold boundary removes both sides when accepted and keeps each its formatting when rejected', () => {
    const draft = doc(
      p(t('Keep '), t('plain ', del('s1')), t('bold', del('s1'), bold), t(' rest', bold)),
    );
    same(accept(draft), doc(p(t('Keep '), t(' rest', bold))));
    same(reject(draft), doc(p(t('Keep plain '), t('bold rest', bold))));
  });

  it('SUG-2 adjacent suggestions from two people are settled one person at a time', () => {
    const draft = doc(p(t('A'), t('ada ', ins('a1')), t('bo ', ins('b1', bo)), t('Z')));
    same(accept(draft, { authorId: 'ada' }), doc(p(t('Aada '), t('bo ', ins('b1', bo)), t('Z'))));
    same(reject(draft, { authorId: 'bo' }), doc(p(t('A'), t('ada ', ins('a1')), t('Z'))));
    same(accept(draft, { ids: ['b1'] }), doc(p(t('A'), t('ada ', ins('a1')), t('bo Z'))));
    same(accept(reject(draft, { ids: ['a1'] }), { ids: ['b1'] }), doc(p(t('Abo Z'))));
  });

  it('SUG-2 a deletion across two paragraphs joins them when accepted and leaves both when rejected', () => {
    const draft = doc(
      p(t('First '), t('ends here', del('s1'))),
      p(t('Second ', del('s1')), t('goes on.')),
    );
    same(accept(draft), doc(p(t('First goes on.'))));
    same(reject(draft), doc(p(t('First ends here')), p(t('Second goes on.'))));
  });

  it('SUG-2 an insertion across two paragraphs takes its paragraph break with it when rejected', () => {
    const draft = doc(p(t('One'), t(' added', ins('s1'))), p(t('more ', ins('s1')), t('Two')));
    same(reject(draft), doc(p(t('OneTwo'))));
    same(accept(draft), doc(p(t('One added')), p(t('more Two'))));
  });

  it('SUG-2 a replacement (deletion and insertion under one id) settles as one', () => {
    const draft = doc(p(t('The '), t('old', del('r1')), t('new', ins('r1')), t(' word')));
    same(accept(draft), doc(p(t('The new word'))));
    same(reject(draft), doc(p(t('The old word'))));
  });

  it('SUG-2 a range settles only the suggested text inside it', () => {
    const draft = doc(p(t('x'), t('abcdef', ins('s1'))));
    // Positions: 1 is before "x", 2 before "a"; settle "abc" only.
    same(accept(draft, { from: 2, to: 5 }), doc(p(t('xabc'), t('def', ins('s1')))));
    same(reject(draft, { from: 5, to: 8 }), doc(p(t('x'), t('abc', ins('s1')))));
  });

  it('SUG-2 text both inserted and proposed for deletion goes when both are accepted', () => {
    const draft = doc(p(t('a'), t('b', ins('i1'), del('d1', bo)), t('c')));
    same(accept(draft), doc(p(t('ac'))));
    same(reject(draft), doc(p(t('ac'))));
    same(accept(draft, { ids: ['i1'] }), doc(p(t('a'), t('b', del('d1', bo)), t('c'))));
  });
});

describe('accepting and rejecting formatting suggestions', () => {
  it('SUG-6 bold over italic and a link keeps the shown marks when accepted and gets italic back when rejected', () => {
    const draft = doc(p(t('A '), t('loud', bold, link, fmt('f1', [italic, link])), t(' word')));
    same(accept(draft), doc(p(t('A '), t('loud', bold, link), t(' word'))));
    same(reject(draft), doc(p(t('A '), t('loud', italic, link), t(' word'))));
    same(withoutSuggestions(draft), reject(draft));
  });

  it('SUG-6 one suggestion over text that had different marks restores each piece’s own', () => {
    // "bold" was bold, " and plain" plain; the suggestion made all of it code.
    const draft = doc(
      p(t('bold', code, fmt('f1', [bold])), t(' and plain', code, fmt('f1', [])), t('.')),
    );
    same(accept(draft), doc(p(t('bold and plain', code), t('.'))));
    same(reject(draft), doc(p(t('bold', bold), t(' and plain.'))));
  });

  it('SUG-6 formatting taken off (a link and italic removed) comes back on reject, with the link’s attributes', () => {
    const draft = doc(p(t('see '), t('here', fmt('f1', [italic, link])), t('!')));
    same(accept(draft), doc(p(t('see here!'))));
    same(reject(draft), doc(p(t('see '), t('here', italic, link), t('!'))));
  });

  it('SUG-6 formatting suggestions settle by id, author and range beside insertions and deletions', () => {
    const draft = doc(
      p(
        t('one', bold, fmt('f1', [])),
        t(' two', ins('i1', bo)),
        t(' three', italic, fmt('f2', [], bo), del('d1')),
      ),
    );
    same(
      accept(draft, { authorId: 'bo' }),
      doc(p(t('one', bold, fmt('f1', [])), t(' two'), t(' three', italic, del('d1')))),
    );
    same(
      reject(draft, { ids: ['f1', 'f2'] }),
      doc(p(t('one'), t(' two', ins('i1', bo)), t(' three', del('d1')))),
    );
    // Positions: 1 is before "one"; settle "on" only.
    same(
      reject(draft, { from: 1, to: 3 }),
      doc(
        p(
          t('on'),
          t('e', bold, fmt('f1', [])),
          t(' two', ins('i1', bo)),
          t(' three', italic, fmt('f2', [], bo), del('d1')),
        ),
      ),
    );
    same(withoutSuggestions(draft), doc(p(t('one three'))));
  });

  it('SUG-6 a recorded mark the schema does not know is left out; a record that is not one is no suggestion', () => {
    const odd = schema.mark('suggestionFormat', {
      id: 'f1',
      ...ada,
      before: '[{"type":"sparkle"},{"type":"italic"}]',
    });
    const broken = schema.mark('suggestionFormat', { id: 'f2', ...ada, before: '{not json' });
    const draft = doc(p(t('a', bold, odd), t('b', bold, broken)));
    same(reject(draft), doc(p(t('a', italic), t('b', bold, broken))));
    expect(listSuggestions(draft).map((s) => s.id)).toEqual(['f1']);
  });

  it('SUG-6 inline code keeps suggestion marks: code text can be suggested, and making text code keeps its suggestion', () => {
    const text = t('x', code, ins('i1'), fmt('f1', [bold]));
    expect(text.marks.map((mark) => mark.type.name)).toEqual([
      'code',
      'suggestionInsert',
      'suggestionFormat',
    ]);
    expect(code.addToSet([bold, ins('i1')]).map((mark) => mark.type.name)).toEqual([
      'code',
      'suggestionInsert',
    ]);
  });
});

describe('reading suggestions', () => {
  it('SUG-3 the draft without suggestions is the draft with every suggestion rejected', () => {
    const clean = doc(p(t('Nothing pending.')));
    expect(withoutSuggestions(clean)).toBe(clean);
    const draft = doc(
      p(t('Hello '), t('big ', ins('s1'), bold), t('old ', del('s2', bo)), t('world')),
    );
    same(withoutSuggestions(draft), doc(p(t('Hello old world'))));
  });

  it('SUG-1 suggestions are listed once per id, with who, when and what', () => {
    const draft = doc(
      p(t('The '), t('old', del('r1')), t('new', ins('r1')), t(' word')),
      p(t('more', ins('b1', bo))),
    );
    expect(listSuggestions(draft)).toEqual([
      {
        id: 'r1',
        ...ada,
        kind: 'replace',
        deleted: 'old',
        inserted: 'new',
        ...noFormat,
        from: 5,
        to: 11,
      },
      {
        id: 'b1',
        ...bo,
        kind: 'insert',
        deleted: '',
        inserted: 'more',
        ...noFormat,
        from: 18,
        to: 22,
      },
    ]);
  });

  it('SUG-6 a formatting suggestion is listed with the text it covers and the marks it adds and removes', () => {
    const draft = doc(p(t('A '), t('loud', bold, link, fmt('f1', [italic, link], bo)), t(' word')));
    expect(listSuggestions(draft)).toEqual([
      {
        id: 'f1',
        ...bo,
        kind: 'format',
        block: null,
        inserted: '',
        deleted: '',
        formatted: 'loud',
        marksAdded: ['bold'],
        marksRemoved: ['italic'],
        from: 3,
        to: 7,
      },
    ]);
  });
});

describe('accepting and rejecting block suggestions', () => {
  const split = (id: string, who = ada) => ({ id, ...who, split: true });
  const typed = (id: string, before: object, who = ada) => ({ id, ...who, before });
  const para = (suggestion: object | null, ...content: PmNode[]) =>
    schema.node('paragraph', { blockSuggestion: suggestion }, content);
  const h = (level: number, suggestion: object | null, ...content: PmNode[]) =>
    schema.node('heading', { level, blockSuggestion: suggestion }, content);

  it('SUG-8 a suggested paragraph break stays when accepted and joins the halves when rejected, formatting kept', () => {
    const draft = doc(p(t('The relay '), t('ended', bold)), para(split('b1'), t('here.', italic)));
    same(accept(draft), doc(p(t('The relay '), t('ended', bold)), p(t('here.', italic))));
    same(reject(draft), doc(p(t('The relay '), t('ended', bold), t('here.', italic))));
    same(withoutSuggestions(draft), reject(draft));
  });

  it('SUG-8 a new paragraph with its text (one id) goes entirely when rejected, and is listed once', () => {
    const draft = doc(p(t('One.')), para(split('n1'), t('Two, new.', ins('n1'))));
    same(reject(draft), doc(p(t('One.'))));
    same(accept(draft), doc(p(t('One.')), p(t('Two, new.'))));
    expect(listSuggestions(draft)).toEqual([
      expect.objectContaining({
        id: 'n1',
        kind: 'insert',
        inserted: 'Two, new.',
        block: {
          split: true,
          join: false,
          was: null,
          is: { type: 'paragraph' },
          text: 'Two, new.',
          inListItem: false,
        },
      }),
    ]);
  });

  it('SUG-8 a paragraph made a heading gets its type back when rejected, its marks untouched', () => {
    const draft = doc(h(2, typed('t1', { type: 'paragraph' }), t('Night ', bold), t('shift')));
    same(accept(draft), doc(h(2, null, t('Night ', bold), t('shift'))));
    same(reject(draft), doc(p(t('Night ', bold), t('shift'))));
    const [listed] = listSuggestions(draft);
    expect(listed).toMatchObject({
      kind: 'block',
      block: {
        split: false,
        was: { type: 'paragraph' },
        is: { type: 'heading', attrs: { level: 2 } },
      },
    });
  });

  it('SUG-8 a heading level change and a break from two people settle one person at a time', () => {
    const draft = doc(
      h(1, typed('t1', { type: 'heading', attrs: { level: 3 } }), t('Title')),
      para(split('b1', bo), t('Body')),
    );
    same(
      reject(draft, { authorId: 'bo' }),
      doc(h(1, typed('t1', { type: 'heading', attrs: { level: 3 } }), t('TitleBody'))),
    );
    same(
      reject(draft, { authorId: 'ada' }),
      doc(h(3, null, t('Title')), para(split('b1', bo), t('Body'))),
    );
    same(withoutSuggestions(draft), doc(h(3, null, t('TitleBody'))));
  });

  it('SUG-8 a range settles the blocks it reaches into, not the one it only touches', () => {
    const draft = doc(p(t('ab')), para(split('b1'), t('cd')));
    // "ab" is 1–3; the second block's text starts at 5.
    same(reject(draft, { from: 1, to: 3 }), draft);
    same(reject(draft, { from: 5, to: 6 }), doc(p(t('abcd'))));
  });

  it('SUG-8 a record of a type the block cannot take back leaves the block as it is when rejected', () => {
    const draft = doc(
      para(typed('x1', { type: 'horizontalRule' }), t('rule?')),
      h(2, typed('x2', { type: 'codeBlock' }), t('code?', bold)),
    );
    same(withoutSuggestions(draft), doc(p(t('rule?')), h(2, null, t('code?', bold))));
  });

  it('SUG-9 a suggested join joins the block to the one before when accepted and keeps the break when rejected, formatting kept', () => {
    const join = (id: string, who = ada) => ({ id, ...who, join: true });
    const draft = doc(
      h(2, null, t('Night ', bold), t('shift')),
      para(join('j1'), t('The relay ', italic), t('ended', ins('i1', bo))),
    );
    same(
      accept(draft, { ids: ['j1'] }),
      doc(
        h(
          2,
          null,
          t('Night ', bold),
          t('shift'),
          t('The relay ', italic),
          t('ended', ins('i1', bo)),
        ),
      ),
    );
    same(
      reject(draft, { authorId: 'ada' }),
      doc(
        h(2, null, t('Night ', bold), t('shift')),
        p(t('The relay ', italic), t('ended', ins('i1', bo))),
      ),
    );
    // Readers get the break (and no one's pending text).
    same(
      withoutSuggestions(draft),
      doc(h(2, null, t('Night ', bold), t('shift')), p(t('The relay ', italic))),
    );
    expect(listSuggestions(draft)).toContainEqual(
      expect.objectContaining({
        id: 'j1',
        kind: 'block',
        block: {
          split: false,
          join: true,
          was: null,
          is: { type: 'paragraph' },
          text: 'The relay ended',
          inListItem: false,
        },
      }),
    );
  });

  it('SUG-9 a join with a type change from one writer settles as one; a break both suggested and to go is no suggestion', () => {
    const draft = doc(
      p(t('One')),
      h(3, { id: 'j1', ...ada, join: true, before: { type: 'paragraph' } }, t('Two')),
    );
    same(accept(draft), doc(p(t('OneTwo'))));
    same(reject(draft), doc(p(t('One')), p(t('Two'))));
    const both = doc(p(t('One')), para({ id: 'x', ...ada, split: true, join: true }, t('Two')));
    expect(listSuggestions(both)).toEqual([]);
  });

  it('SUG-8 a new list item stays when accepted and joins the item before when rejected; a suggested join of items joins them when accepted', () => {
    const ul = (...items: PmNode[]) => schema.node('bulletList', null, items);
    const li = (...blocks: PmNode[]) => schema.node('listItem', null, blocks);
    const draft = doc(ul(li(p(t('First'))), li(para(split('b1'), t(' item', bold)))));
    same(reject(draft), doc(ul(li(p(t('First'), t(' item', bold))))));
    same(accept(draft), doc(ul(li(p(t('First'))), li(p(t(' item', bold))))));
    expect(listSuggestions(draft)).toMatchObject([
      { id: 'b1', kind: 'block', block: { split: true, inListItem: true } },
    ]);
    const joining = doc(
      ul(li(p(t('One'))), li(para({ id: 'j1', ...ada, join: true }, t('Two')))),
      p(t('After')),
    );
    same(accept(joining), doc(ul(li(p(t('OneTwo')))), p(t('After'))));
    same(reject(joining), doc(ul(li(p(t('One'))), li(p(t('Two')))), p(t('After'))));
  });

  it('SUG-8 block suggestions with a malformed record are not suggestions', () => {
    const draft = doc(
      para({ id: 'x', ...ada, before: { type: 7 } }, t('odd')),
      para({ id: 'y', ...ada, join: 'yes' }, t('odder')),
    );
    expect(listSuggestions(draft)).toEqual([]);
    expect(withoutSuggestions(draft)).toBe(draft);
  });
});

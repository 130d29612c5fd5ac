import { describe, expect, it } from 'vitest';
import { can, capabilities, roles } from './roles.ts';
import { slugify, slugPattern } from './slug.ts';
import { countWords } from './text.ts';
import { caretPalette, colorForUser } from './userColor.ts';

describe('shared contracts', () => {
  it('ROLE-1 owner can do everything, viewer only reads, no role grants nothing', () => {
    for (const capability of capabilities) expect(can('owner', capability)).toBe(true);
    expect(capabilities.filter((c) => can('viewer', c))).toEqual(['read']);
    expect(capabilities.filter((c) => can('commenter', c))).toEqual(['read', 'comment', 'suggest']);
    expect(can('editor', 'edit')).toBe(true);
    expect(can('editor', 'manageMembers')).toBe(false);
    expect(can('editor', 'manageWebhooks')).toBe(false);
    expect(can(null, 'read')).toBe(false);
    expect(roles).toEqual(['owner', 'editor', 'commenter', 'viewer']);
  });

  it('slugify folds accents and punctuation into a valid slug', () => {
    expect(slugify('Taking the Baton, Part I')).toBe('taking-the-baton-part-i');
    expect(slugify('  Crème brûlée — à la carte ')).toBe('creme-brulee-a-la-carte');
    expect(slugify('!!!')).toBe('series');
    expect(slugify('x'.repeat(300)).length).toBeLessThanOrEqual(80);
    for (const t of ['Hello World', 'Ünïcödé', '--a--b--']) expect(slugify(t)).toMatch(slugPattern);
  });

  it('colorForUser is stable and always a #rrggbb caret colour', () => {
    expect(colorForUser('user-1')).toBe(colorForUser('user-1'));
    for (const id of ['a', 'b', 'someone@example.com', '']) {
      expect(caretPalette).toContain(colorForUser(id));
      expect(colorForUser(id)).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('countWords counts words the way a writer would', () => {
    expect(countWords('')).toBe(0);
    expect(countWords("It's a well-known fact — twice.")).toBe(5);
    expect(countWords('Über 2 Brücken\n\nund zurück')).toBe(5);
  });
});

describe('link targets', () => {
  it('allows http, https, mailto, relative and # targets only, after trimming and case-folding', async () => {
    const { isAllowedLinkTarget } = await import('./links.ts');
    for (const ok of [
      'https://a.example',
      'HTTP://A.EXAMPLE',
      'mailto:x@y.z',
      '/read/x',
      '#top',
      'notes.html',
    ])
      expect(isAllowedLinkTarget(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example',
      'tel:123',
      '',
    ])
      expect(isAllowedLinkTarget(bad), bad).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('keeps plain text as one part', () => {
    expect(linkify('No links here.')).toEqual([{ kind: 'text', text: 'No links here.' }]);
    expect(linkify('')).toEqual([]);
  });

  it('makes http and https addresses links, without the punctuation after them', () => {
    expect(linkify('See https://example.com/a?b=1, and http://x.org.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', and ' },
      { kind: 'link', text: 'http://x.org', href: 'http://x.org/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps balanced brackets in an address and drops an unbalanced closing one', () => {
    const wiki = 'https://en.wikipedia.org/wiki/Relay_(race)';
    expect(linkify(`(see ${wiki})`).map((p) => p.text)).toEqual(['(see ', wiki, ')']);
  });

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://x.org', 'mailto:a@b.c'])
      expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });

  it('round-trips the text', () => {
    const text = 'a https://x.org/b c\nhttps://y.org';
    expect(
      linkify(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});

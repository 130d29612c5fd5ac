import { describe, expect, it } from 'vitest';
import { parseLinkTarget } from './linkTarget.ts';

describe('what the link dialog accepts', () => {
  it('UI-4 web and email addresses become links; empty removes; other schemes are refused with a message', () => {
    expect(parseLinkTarget(' example.com/a ')).toEqual({
      kind: 'set',
      href: 'https://example.com/a',
    });
    expect(parseLinkTarget('http://example.com')).toEqual({
      kind: 'set',
      href: 'http://example.com/',
    });
    expect(parseLinkTarget('ann@example.com')).toEqual({
      kind: 'set',
      href: 'mailto:ann@example.com',
    });
    expect(parseLinkTarget('   ')).toEqual({ kind: 'remove' });
    for (const hostile of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x']) {
      expect(parseLinkTarget(hostile)).toEqual({
        kind: 'invalid',
        message: 'Links must start with http://, https:// or mailto:.',
      });
    }
    expect(parseLinkTarget('not a link').kind).toBe('invalid');
  });
});

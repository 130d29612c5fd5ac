import { describe, expect, it } from 'vitest';
import { isSafeCallbackUrl } from './callbackUrls.ts';

const trusted = (origin: string) => origin === 'https://baton.example';

describe('isSafeCallbackUrl', () => {
  it.each(['/', '/series', '/series/abc?tab=1#x', 'https://baton.example/series'])(
    'accepts %s',
    (value) => expect(isSafeCallbackUrl(value, trusted)).toBe(true),
  );

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'https://evil.example/',
    'https://baton.example.evil.example/',
    'javascript:alert(1)',
    'evil.example',
  ])('refuses %s', (value) => expect(isSafeCallbackUrl(value, trusted)).toBe(false));
});

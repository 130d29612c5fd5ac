import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedToken } from './sessionCookie.ts';

const secret = 'a-test-secret-that-is-long-enough-0123';
const sign = (token: string) =>
  encodeURIComponent(`${token}.${createHmac('sha256', secret).update(token).digest('base64')}`);

describe('signedToken', () => {
  it('reads the token of a correctly signed cookie among others', () => {
    expect(signedToken(`theme=dark; better-auth.session_token=${sign('abc')}`, secret)).toBe('abc');
    expect(signedToken(`__Secure-better-auth.session_token=${sign('xyz')}`, secret)).toBe('xyz');
  });

  it('refuses a wrong, truncated or missing signature, and other cookies', () => {
    expect(signedToken(`better-auth.session_token=${sign('abc').slice(0, -6)}`, secret)).toBeNull();
    expect(signedToken('better-auth.session_token=abc', secret)).toBeNull();
    expect(signedToken(`better-auth.session_token=${sign('abc')}`, 'another-secret')).toBeNull();
    expect(signedToken('session=abc', secret)).toBeNull();
    expect(signedToken(undefined, secret)).toBeNull();
    expect(signedToken('better-auth.session_token=%E0%A4%A', secret)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { cacheRuleFor, shellVersion } from './cacheRules.ts';

const origin = 'https://baton.example';
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `${origin}${path}`, mode });

describe('service worker cache rules (OFF-4)', () => {
  it('OFF-4 keeps hashed assets, app pages, the session and installment metadata', () => {
    expect(cacheRuleFor(get('/assets/index-abc123.js'), origin)).toBe('asset');
    expect(cacheRuleFor(get('/installments/i1', 'navigate'), origin)).toBe('page');
    expect(cacheRuleFor(get('/', 'navigate'), origin)).toBe('page');
    expect(cacheRuleFor(get('/api/auth/get-session'), origin)).toBe('api');
    expect(cacheRuleFor(get('/api/installments/i1'), origin)).toBe('api');
  });

  it('OFF-4 leaves writes, the websocket, reader pages, other API reads and other origins alone', () => {
    expect(cacheRuleFor({ ...get('/api/installments/i1'), method: 'PATCH' }, origin)).toBe('none');
    expect(cacheRuleFor({ ...get('/api/auth/sign-out'), method: 'POST' }, origin)).toBe('none');
    expect(cacheRuleFor(get('/collab/i1'), origin)).toBe('none');
    expect(cacheRuleFor(get('/read/the-relay', 'navigate'), origin)).toBe('none');
    expect(cacheRuleFor(get('/api/installments/i1/threads'), origin)).toBe('none');
    expect(cacheRuleFor(get('/api/series'), origin)).toBe('none');
    expect(cacheRuleFor(get('/healthz', 'navigate'), origin)).toBe('none');
    expect(cacheRuleFor(get('/api/auth/get-session', 'cors'), 'https://other.example')).toBe(
      'none',
    );
  });

  it('names a build by its files, whatever their order', () => {
    expect(shellVersion(['/assets/a.js', '/assets/b.css'])).toBe(
      shellVersion(['/assets/b.css', '/assets/a.js']),
    );
    expect(shellVersion(['/assets/a.js'])).not.toBe(shellVersion(['/assets/a2.js']));
  });
});

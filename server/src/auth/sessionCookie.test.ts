import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database as Schema } from '../db/schema.ts';
import { SessionCache } from './sessionCache.ts';
import { createSessionCookieLookup, signedToken } from './sessionCookie.ts';

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

describe('createSessionCookieLookup (AUTH-5)', () => {
  let sqlite: Database.Database;
  afterEach(() => sqlite.close());

  function setUp() {
    sqlite = new Database(':memory:');
    sqlite.exec(`
      create table user (id text primary key, name text, email text);
      create table session (token text primary key, userId text, expiresAt text);
      insert into user values ('u1', 'Ann', 'ann@example.com');
      insert into session values ('abc', 'u1', '${new Date(Date.now() + 60_000).toISOString()}');`);
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
    const cache = new SessionCache(60_000, 10);
    return { cache, lookup: createSessionCookieLookup(db, secret, cache) };
  }
  const cookie = (value: string) => `theme=dark; better-auth.session_token=${value}`;

  it('answers a signed cookie from the cache until its session is evicted', async () => {
    const { cache, lookup } = setUp();
    const ann = { id: 'u1', name: 'Ann', email: 'ann@example.com', sessionToken: 'abc' };
    expect(await lookup(cookie(sign('abc')))).toEqual(ann);
    sqlite.exec(`delete from session`);
    expect(await lookup(cookie(sign('abc')))).toEqual(ann);
    cache.evict('abc');
    expect(await lookup(cookie(sign('abc')))).toBeNull();
  });

  it('never answers a cookie with another signature from the cache', async () => {
    const { lookup } = setUp();
    expect(await lookup(cookie(sign('abc')))).not.toBeNull();
    const forged = encodeURIComponent(`abc.${Buffer.alloc(32).toString('base64')}`);
    expect(await lookup(cookie(forged))).toBeUndefined();
    expect(await lookup(cookie('abc'))).toBeUndefined();
    expect(await lookup('theme=dark')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './env.ts';

describe('configuration', () => {
  it('defaults to port 8787 and ./data with nothing set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 8787, dataDir: './data', nodeEnv: 'development' });
    expect(config.authSecret).toBeUndefined();
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/PUBLIC_URL/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('requires BETTER_AUTH_SECRET in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/BETTER_AUTH_SECRET/);
    expect(
      parseConfig({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32) }).authSecret,
    ).toHaveLength(32);
  });

  it('normalizes PUBLIC_URL and TRUSTED_ORIGINS', () => {
    const config = parseConfig({
      PUBLIC_URL: 'https://baton.example.com/',
      TRUSTED_ORIGINS: 'https://a.example.com/path, http://b.example.com:8080',
    });
    expect(config.publicUrl).toBe('https://baton.example.com');
    expect(config.trustedOrigins).toEqual(['https://a.example.com', 'http://b.example.com:8080']);
  });

  it('paces presence every 50 ms unless told otherwise, and at most once a second', () => {
    expect(parseConfig({}).collabLimits.presenceIntervalMs).toBe(50);
    expect(parseConfig({ PRESENCE_INTERVAL_MS: '0' }).collabLimits.presenceIntervalMs).toBe(0);
    expect(() => parseConfig({ PRESENCE_INTERVAL_MS: '5000' })).toThrow(/PRESENCE_INTERVAL_MS/);
  });
});

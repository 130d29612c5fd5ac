import { describe, expect, it } from 'vitest';
import { createOwnAddressCheck } from './ownAddress.ts';

describe('webhook URLs that point at this server', () => {
  it('HOOK-2 refuses the public origin and this port on loopback names and addresses', () => {
    const own = createOwnAddressCheck({ publicUrl: 'https://baton.example.com', port: 8787 });
    for (const url of [
      'https://baton.example.com/api/series',
      'http://baton.example.com/',
      'https://BATON.example.com.:443/x',
      'http://localhost:8787/api',
      'http://127.0.0.1:8787/',
      'http://127.1.2.3:8787/',
      'http://2130706433:8787/',
      'http://[::1]:8787/',
      'http://[::ffff:127.0.0.1]:8787/',
      'http://0.0.0.0:8787/',
      'http://app.localhost:8787/',
    ])
      expect(own(url), url).toBe(true);
  });

  it('HOOK-2 allows other ports on this machine, private networks and other sites', () => {
    const own = createOwnAddressCheck({ publicUrl: 'https://baton.example.com', port: 8787 });
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'http://localhost:3000/hook',
      'http://192.168.1.20:8080/hook',
      'http://198.51.100.7:8787/hook',
      'https://hooks.example.com/baton',
      'https://baton.example.com:8443/other',
    ])
      expect(own(url), url).toBe(false);
  });

  it('with an explicit port in the public URL, only that port is this server', () => {
    const own = createOwnAddressCheck({ publicUrl: 'http://localhost:8787', port: 8787 });
    expect(own('http://localhost:8787/')).toBe(true);
    expect(own('http://localhost/')).toBe(false);
  });
});

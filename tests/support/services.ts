/**
 * Outside services some tests need (PostgreSQL, Redis, redis-server binary).
 * Missing ones make those tests skip with a message, except under CI=true,
 * where a missing service is a failure.
 */
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

const checks = {
  postgres: () => reachable('127.0.0.1', 5432),
  redis: () => reachable('127.0.0.1', 6379),
  'redis-server binary': () => Promise.resolve(existsSync('/usr/bin/redis-server')),
} as const;

export type Service = keyof typeof checks;

/** True when every service is there; otherwise warns (or throws under CI). */
export async function servicesAvailable(...services: Service[]): Promise<boolean> {
  const missing: string[] = [];
  for (const service of services) if (!(await checks[service]())) missing.push(service);
  if (missing.length === 0) return true;
  const message = `needs ${missing.join(', ')} (PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379)`;
  if (process.env.CI === 'true') throw new Error(`Cannot skip under CI: ${message}`);
  console.warn(`Skipping: ${message}`);
  return false;
}

/** The reference server: `@y/websocket-server` 0.1.1's own bin, in memory, no auth. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { startChildServer } from './childServer.ts';
import { freePort } from './freePort.ts';
import type { LaunchOptions, ServerHandle } from './target.ts';

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@y/websocket-server/package.json'));

export async function launchReference(options: LaunchOptions = {}): Promise<ServerHandle> {
  const port = await freePort();
  // V8 writes the profile only on a normal exit; the reference does not handle SIGTERM itself.
  const profile = options.profileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${options.profileDir}`,
        '--import',
        'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))',
      ]
    : [];
  const server = await startChildServer({
    args: [...profile, path.join(packageDir, 'src/server.js')],
    cwd: packageDir,
    env: { HOST: '127.0.0.1', PORT: String(port) },
    readyLine: /running at '127\.0\.0\.1' on port (\d+)/,
  });
  let next = 0;
  return {
    kind: 'reference',
    pid: server.pid,
    target: { serverUrl: `ws://127.0.0.1:${port}`, headers: {} },
    createRooms: (count) => Promise.resolve(Array.from({ length: count }, () => `room-${++next}`)),
    async stop() {
      await server.stop();
    },
  };
}

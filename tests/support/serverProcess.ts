/**
 * Runs Baton as a child process (for SIGKILL tests): the TypeScript sources
 * through tsx, or a built bundle given as `entry`, the way `pnpm start` runs it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFlags } from './startFlags.ts';
import { until } from './waitFor.ts';

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL, and resolve once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), and resolve with the exit code. */
  stop(): Promise<number | null>;
  /** Everything the process wrote to stderr (its log) so far. */
  log(): string;
  /** Resolves once the log contains `text`. */
  untilLogged(text: string): Promise<void>;
}

export interface ServerProcessOptions {
  /**
   * A built server bundle to run (an absolute path) instead of `src/main.ts` through
   * tsx, with the Node flags `pnpm start` gives it.
   */
  entry?: string;
}

export function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const args = options.entry
    ? [...startFlags(), options.entry]
    : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      AUTH_RATE_LIMIT: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /Baton is listening \{"url":"([^"]+)"/.exec(log);
      if (!match?.[1]) return;
      child.stderr?.off('data', onData);
      resolve({
        url: match[1],
        child,
        log: () => log,
        untilLogged: (text) =>
          until(
            `the server logs "${text}"`,
            () => log.includes(text),
            (notify) => {
              child.stderr?.on('data', notify);
              return () => child.stderr?.off('data', notify);
            },
          ),
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited early (${code}):\n${log}`)));
  });
}

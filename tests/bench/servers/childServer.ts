/** Starts a server as a child process and waits for the line that says it listens. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  /** The regex match of the "listening" line. */
  ready: RegExpExecArray;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<number | string | null>;
}

export interface ChildServerOptions {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Matched against stdout and stderr; the process counts as ready on the first match. */
  readyLine: RegExp;
  startTimeoutMs?: number;
}

export function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${log}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const ready = options.readyLine.exec(log);
      if (!ready) return;
      clearTimeout(timer);
      // Keep draining both pipes so a chatty server never blocks on a full pipe.
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({ child, pid: child.pid ?? -1, ready, exited, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${String(code)}):\n${log}`));
    });
  });
}

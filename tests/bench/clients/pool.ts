/** The runner's side of the client processes: forks them and sends typed commands. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommandName, Commands, Reply, Request } from './protocol.ts';

const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** Every client process still running, so a timed-out run can stop them all. */
const live = new Set<ClientProcess>();

export class ClientProcess {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly exited: Promise<void>;

  private constructor(
    readonly index: number,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`client process ${index}: ${reply.error}`));
    });
    // A dead client process must fail its calls, not crash the runner.
    child.on('error', (error) => this.rejectAll(error));
    live.add(this);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        live.delete(this);
        this.rejectAll(new Error(`client process ${index} exited (${String(code)})`));
        resolve();
      });
    });
  }

  static start(index: number): ClientProcess {
    // The runner's own flags (the tsx loader) let the worker load TypeScript too.
    const child = fork(workerPath, [], {
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--cpu-prof')),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new ClientProcess(index, child);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call<K extends CommandName>(name: K, args: Commands[K]['args']): Promise<Commands[K]['result']> {
    const id = ++this.nextId;
    const request: Request<K> = { id, name, args };
    return new Promise((resolve, reject) => {
      if (!this.child.connected) {
        reject(new Error(`client process ${this.index} is gone`));
        return;
      }
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send(request);
    });
  }

  private rejectAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Stops every client process that is still running. */
export async function stopAllClients(): Promise<void> {
  await Promise.all([...live].map((p) => p.stop()));
}

/** Starts `count` client processes. */
export function startClients(count: number): ClientProcess[] {
  return Array.from({ length: count }, (_, i) => ClientProcess.start(i));
}

/** Calls the same command on every process and gathers the results in order. */
export function callAll<K extends CommandName>(
  processes: readonly ClientProcess[],
  name: K,
  args: Commands[K]['args'] | ((process: ClientProcess) => Commands[K]['args']),
): Promise<Commands[K]['result'][]> {
  return Promise.all(
    processes.map((p) =>
      p.call(
        name,
        typeof args === 'function' ? (args as (p: ClientProcess) => Commands[K]['args'])(p) : args,
      ),
    ),
  );
}

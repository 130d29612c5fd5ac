/**
 * Reproducible randomness for seeded tests: mulberry32, a small 32-bit PRNG,
 * and the environment switches every seeded test shares:
 *
 * - `BATON_SEED=123` runs only seed 123 (to reproduce a failure);
 * - `BATON_SEEDS=200` runs seeds 1..200 instead of the file's default count.
 *
 * A seed fixes every random choice a test makes (which client, which edit,
 * where, when to disconnect or kill); it cannot fix how the operating system
 * interleaves sockets, so a failure may need a few runs of its seed to repeat.
 */

export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n); 0 when n <= 0 (one draw either way). */
  int(n: number): number;
  /** An integer in [min, max] (one draw). */
  between(min: number, max: number): number;
  /** True with probability p (one draw). */
  chance(p: number): boolean;
  /** One element of a non-empty list (one draw). */
  pick<T>(items: readonly T[]): T;
  /** A string of `length` characters from `alphabet` (`length` draws). */
  string(length: number, alphabet?: string): string;
}

const defaultAlphabet = 'abcdefghijklmnopqrstuvwxyz  ABCDEFGHIJéüßøñ.,;-';

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => {
    const r = next();
    return n > 0 ? Math.floor(r * n) : 0;
  };
  return {
    seed,
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    string(length, alphabet = defaultAlphabet) {
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[int(alphabet.length)];
      return s;
    },
  };
}

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** The seeds to run: only `BATON_SEED` when set, else 1..`BATON_SEEDS` (default `defaultCount`). */
export function seedsToRun(defaultCount: number): number[] {
  const only = envInteger('BATON_SEED');
  if (only !== undefined) return [only];
  const count = envInteger('BATON_SEEDS') ?? defaultCount;
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** The one seed of a test that runs a single seeded scenario: `BATON_SEED`, else `fallback`. */
export function seedToRun(fallback: number): number {
  return envInteger('BATON_SEED') ?? fallback;
}

/** A count from the environment (`BATON_KILLS=100`), else `fallback`. */
export function countFromEnv(name: string, fallback: number): number {
  return envInteger(name) ?? fallback;
}

/** How to run one seed of a test file again. */
export function reproduceHint(seed: number, testFile: string, extraEnv = ''): string {
  const env = extraEnv ? `${extraEnv} ` : '';
  return `re-run just this seed: BATON_SEED=${seed} ${env}pnpm exec vitest run --project integration ${testFile}`;
}

/**
 * Runs `body`; if it throws, the same error (so assertion diffs survive) is
 * rethrown with the seed and the command that reproduces it in front of its message.
 */
export async function withSeed<T>(
  seed: number,
  testFile: string,
  body: () => Promise<T>,
  extraEnv = '',
): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const prefix = `[seed ${seed}] (${reproduceHint(seed, testFile, extraEnv)})\n`;
    if (error instanceof Error) {
      error.message = prefix + error.message;
      if (error.stack) error.stack = prefix + error.stack;
      throw error;
    }
    throw new Error(prefix + String(error), { cause: error });
  }
}

/**
 * Configuration, parsed once at boot. The only reader of `process.env`:
 * everything else receives a typed `Config`.
 */
import { limits } from '@baton/shared/limits.ts';
import { z } from 'zod';
import os from 'node:os';
import path from 'node:path';

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ error: 'must be an absolute URL like https://baton.example.com' }).optional(),
  BETTER_AUTH_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  TRUSTED_ORIGINS: z.string().optional(),
  CLIENT_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, { error: 'letters, digits, ":", "_" or "-"' })
    .default('baton'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must be a redis:// URL' })
    .optional(),
  MAX_MESSAGE_BYTES: positive(limits.maxMessageBytes),
  MAX_DOCUMENT_BYTES: positive(limits.maxDocumentBytes),
  DOCUMENT_WARNING_BYTES: positive(limits.documentWarningBytes),
  MAX_AWARENESS_BYTES: positive(limits.maxAwarenessStateBytes),
  MESSAGES_PER_SECOND: positive(limits.messagesPerSecond),
  AWARENESS_PER_SECOND: positive(limits.awarenessPerSecond),
  PRESENCE_INTERVAL_MS: count(limits.presenceIntervalMs).pipe(z.number().max(1_000)),
  CONNECTIONS_PER_IP_PER_MINUTE: count(limits.connectionsPerIpPerMinute),
  HANDSHAKE_TIMEOUT_MS: positive(limits.handshakeTimeoutMs).pipe(z.number().max(120_000)),
  WEBHOOK_RETRY_BASE_MS: positive(limits.webhookRetryBaseMs),
  TRUST_PROXY: flag(false),
  AUTH_RATE_LIMIT: flag(true),
});

export type Env = z.infer<typeof envSchema>;

/** The validated configuration the server runs with. */
export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  /** Where people reach Baton; used for auth callbacks and absolute links. */
  publicUrl: string | undefined;
  /** Set when configured; otherwise the server keeps a generated one in DATA_DIR. */
  authSecret: string | undefined;
  /** Extra origins allowed to call the API and open websockets (comma separated). */
  trustedOrigins: string[];
  /** Directory of the built client; undefined → `client/dist` of this checkout. */
  clientDist: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** PostgreSQL instead of the embedded SQLite, for running several instances. */
  databaseUrl: string | undefined;
  /** Redis pub/sub between instances (updates, presence, events, revocations). */
  redisUrl: string | undefined;
  /** Prefix of Baton's Redis channels, so several deployments can share a Redis. */
  redisPrefix: string;
  /** Limits on what one client may send; docs/security.md. */
  collabLimits: CollabLimits;
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  trustProxy: boolean;
  /** better-auth's per-address rate limits on sign-in, sign-up and password changes. */
  authRateLimit: boolean;
  /** The wait before a failed webhook delivery's first retry; it doubles after each further one. */
  webhookRetryBaseMs: number;
}

/** What one client may send over the collaboration websocket, and how presence is paced; defaults in shared/limits.ts. */
export interface CollabLimits {
  maxMessageBytes: number;
  maxDocumentBytes: number;
  documentWarningBytes: number;
  maxAwarenessStateBytes: number;
  messagesPerSecond: number;
  awarenessPerSecond: number;
  /** 0: once per event-loop turn. */
  presenceIntervalMs: number;
  /** 0: no limit. */
  connectionsPerIpPerMinute: number;
  handshakeTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a `ConfigError` that lists every problem at once. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.BETTER_AUTH_SECRET) {
    problems.push('BETTER_AUTH_SECRET: required when NODE_ENV=production');
  }
  if (e.DATABASE_URL && !e.BETTER_AUTH_SECRET) {
    // Every instance must sign sessions with the same secret.
    problems.push('BETTER_AUTH_SECRET: required with DATABASE_URL (all instances must share it)');
  }
  const trustedOrigins = (e.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of trustedOrigins) {
    if (!URL.canParse(origin)) problems.push(`TRUSTED_ORIGINS: "${origin}" is not a URL`);
  }
  if (e.DOCUMENT_WARNING_BYTES > e.MAX_DOCUMENT_BYTES) {
    problems.push('DOCUMENT_WARNING_BYTES: must not be larger than MAX_DOCUMENT_BYTES');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    authSecret: e.BETTER_AUTH_SECRET,
    trustedOrigins: trustedOrigins.map((o) => new URL(o).origin),
    clientDist: e.CLIENT_DIST,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    collabLimits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
      documentWarningBytes: e.DOCUMENT_WARNING_BYTES,
      maxAwarenessStateBytes: e.MAX_AWARENESS_BYTES,
      messagesPerSecond: e.MESSAGES_PER_SECOND,
      awarenessPerSecond: e.AWARENESS_PER_SECOND,
      presenceIntervalMs: e.PRESENCE_INTERVAL_MS,
      connectionsPerIpPerMinute: e.CONNECTIONS_PER_IP_PER_MINUTE,
      handshakeTimeoutMs: e.HANDSHAKE_TIMEOUT_MS,
    },
    trustProxy: e.TRUST_PROXY,
    authRateLimit: e.AUTH_RATE_LIMIT,
    webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
  };
}

/** Reads the process environment; call once, at boot. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}

/** What the remote commands of `pnpm baton` (login, pull, push, …) read from the environment. */
export interface CliEnvironment {
  /** Where `baton login` keeps the server address and key (BATON_CONFIG). */
  configFile: string;
  /** BATON_URL and BATON_KEY override the saved login (for CI jobs). */
  url?: string;
  key?: string;
}

export function loadCliEnvironment(): CliEnvironment {
  const env = process.env;
  const configHome = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return {
    configFile: env.BATON_CONFIG || path.join(configHome, 'baton', 'cli.json'),
    url: env.BATON_URL || undefined,
    key: env.BATON_KEY || undefined,
  };
}

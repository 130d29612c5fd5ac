/** Entry point: parse configuration, start, and stop gracefully on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from './config/env.ts';
import { startBaton } from './server.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const baton = await startBaton(config);
  const stop = (signal: string) => {
    baton.logger.info(`received ${signal}, shutting down`);
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    baton.close().then(
      () => process.exit(0),
      (error: unknown) => {
        baton.logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Baton failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});

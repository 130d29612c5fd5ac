#!/usr/bin/env node
// The `baton` command (`pnpm baton`, `npx baton`): runs the CLI's TypeScript
// source through tsx, so it is never older than the checkout.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli.ts', import.meta.url).href);

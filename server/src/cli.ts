/**
 * `pnpm baton <command>` (also the `baton` bin): operations on this machine,
 * and remote commands against a running Baton with an API key.
 */
import { parseArgs } from 'node:util';
import { backup } from './cli/backup.ts';
import { CliError } from './cli/cliLogin.ts';
import { login, publish, pull, push, status } from './cli/remoteCommands.ts';
import { ConfigError, loadCliEnvironment } from './config/env.ts';

const usage = `usage: baton <command>
  backup [file]                       online backup of the SQLite database (on the server)
  login --url <server> --key <key>    check and save an API key (BATON_URL / BATON_KEY override it)
  pull <installment> [--format markdown|json|text]   print the draft
  push <installment> <file> [--force] replace the draft with a file (.md, .json, else text)
  publish <installment> [--note <text>]
  status                              series, installments, open threads, publish findings
`;

const print = (text: string) => process.stdout.write(`${text}\n`);

/** Keeps an argument such as an id that starts with "-" from reading as a short option. */
const idMarker = '\u0000';

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    // Installment ids may start with "-"; Baton's options are all long ones.
    args: argv.map((arg) => (/^-[^-]/.test(arg) ? `${idMarker}${arg}` : arg)),
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      force: { type: 'boolean', default: false },
      note: { type: 'string' },
    },
  });
  const unmark = (arg: string | undefined) =>
    arg?.startsWith(idMarker) ? arg.slice(idMarker.length) : arg;
  const [command, first, second] = positionals.map(unmark);
  const url = unmark(values.url);
  const key = unmark(values.key);
  const note = unmark(values.note);
  const env = loadCliEnvironment();
  const need = (value: string | undefined, what: string) => {
    if (!value) throw new CliError(`Missing ${what}.\n${usage}`);
    return value;
  };
  switch (command) {
    case 'backup':
      return backup(first);
    case 'login':
      return login(env, need(url, '--url'), need(key, '--key'), print);
    case 'pull': {
      const format = values.format;
      if (format !== 'markdown' && format !== 'json' && format !== 'text') {
        throw new CliError('--format must be markdown, json or text.');
      }
      return pull(env, need(first, 'the installment id'), format, print);
    }
    case 'push':
      return push(
        env,
        need(first, 'the installment id'),
        need(second, 'the file'),
        values.force,
        print,
      );
    case 'publish':
      return publish(env, need(first, 'the installment id'), note, print);
    case 'status':
      return status(env, print);
    default:
      process.stderr.write(usage);
      process.exit(2);
  }
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  }
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`${error.message}\n${usage}`);
    process.exit(2);
  }
  throw error;
}

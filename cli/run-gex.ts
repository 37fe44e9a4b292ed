import type { CliIo } from './cli-io';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command is loaded when asked for, so `compute` never loads the Alpaca SDK. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  compute: async () => (await import('./compute-command')).run,
  live: async () => (await import('./live-command')).run,
};

/**
 * The `gex` CLI without the process: `argv` is what follows `gex` (e.g. `['compute', '--cboe',
 * FILE]`). An unknown or missing command exits 2 with one line naming the commands; an
 * unexpected error exits 1 with one line.
 * @returns the exit code.
 */
export async function runGex(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  const load = command === undefined ? undefined : COMMANDS[command];
  if (!load) {
    const what = command === undefined ? 'missing command' : `unknown command "${command}"`;
    io.stderr(`gex: ${what}; use one of: ${Object.keys(COMMANDS).join(', ')}\n`);
    return 2;
  }
  try {
    return await (
      await load()
    )(args, io);
  } catch (error) {
    io.stderr(`gex: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

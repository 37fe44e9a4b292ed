/**
 * `npm run gex -- <command> [flags]`
 *   compute  GEX from a CBOE delayed-quote CSV (offline)
 *   live     GEX from Alpaca (or the bundled simulator) for one or more symbols
 * Each command module exports `run(args): Promise<number>` and returns the exit code.
 */
const commands: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  compute: () => import('./compute-command'),
  live: () => import('./live-command'),
};

const [command, ...args] = process.argv.slice(2);
const load = command ? commands[command] : undefined;
if (!load) {
  console.error(
    `gex: ${command ? `unknown command "${command}"` : 'missing command'}; use one of: ${Object.keys(commands).join(', ')}`,
  );
  process.exit(2);
}
export {};

try {
  process.exitCode = await (await load()).run(args);
} catch (error) {
  console.error(`gex: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

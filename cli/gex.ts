/**
 * `npm run gex -- <command> [flags]`, the process entry of the CLI (its logic is `runGex`):
 *   compute  GEX from a CBOE delayed-quote CSV (offline)
 *   live     GEX from Alpaca (or the bundled simulator) for one or more symbols
 */
import nodeModule from 'node:module';
import type { Writable } from 'node:stream';
import { processIo } from './cli-io';
import { runGex } from './run-gex';

/** Resolves once everything written to `stream` so far has been handed on (pipe, file or terminal). */
function flushed(stream: Writable): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

// The commands read New York wall clocks (sessions, expiry closes) and no local time of their own:
// running the process on New York time lets `Date` read that zone, without an Intl formatter's
// start-up (see processRunsOnNewYorkTime).
process.env.TZ = 'America/New_York';
const code = await runGex(process.argv.slice(2), processIo());
// The command is done and its output written out: exit now rather than tear the heap down object by
// object (and wait on idle sockets of `live`). The compile cache is saved first, as a normal exit does.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
nodeModule.flushCompileCache?.();
process.exit(code);

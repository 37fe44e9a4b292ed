/**
 * `npm run gex -- <command> [flags]`, the process entry of the CLI (its logic is `runGex`):
 *   compute  GEX from a CBOE delayed-quote CSV (offline)
 *   live     GEX from Alpaca (or the bundled simulator) for one or more symbols
 */
import { processIo } from './cli-io';
import { runGex } from './run-gex';

// exitCode rather than exit(): a piped stdout is written out before the process ends.
process.exitCode = await runGex(process.argv.slice(2), processIo());

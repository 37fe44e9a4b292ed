/**
 * What the figures beyond open-interest GEX cost and weigh: `computeGex` with volume GEX, majors
 * and delta/vanna/charm against the OI figures alone (`exposures: false`), run in turn on the same
 * chains; and the Firestore size of a regime document with two full symbol maps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cboeChainInput, type ExpirySelection } from '../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../offline/cboe/parse-cboe';
import { computeGex } from '../../functions/src/gex/compute-gex';
import { buildPulseWrites } from '../../functions/src/pulse/build-writes';
import { firestoreDocumentSize } from '../../functions/src/store/document-size';
import { ROOT } from '../lib/processes';
import { timedInTurn } from '../lib/timing';

/** Section heading printed by `npm run bench`. */
export const title = 'GEX beyond open interest (cost and document size)';

const RUNS = 11;
const WARMUP = 3;
const GOAL_RATIO = 1.5;
const REGIME_BUDGET_BYTES = 16_384;

function load(file: string, expiries: ExpirySelection) {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'cboe', file), 'utf8');
  return cboeChainInput(parseCboeCsv(text), { expiries });
}

/** Prints the cost ratio; with `goal`, its verdict (the goal is set on the full SPX file). */
function exposureCost(label: string, file: string, expiries: ExpirySelection, goal: boolean): void {
  const input = load(file, expiries);
  const [withMs = Number.NaN, withoutMs = Number.NaN] = timedInTurn(RUNS, WARMUP, [
    () => computeGex(input),
    () => computeGex(input, { exposures: false }),
  ]);
  const ratio = withMs / withoutMs;
  console.log(
    `  ${label}: ${withoutMs.toFixed(1)} ms OI figures alone, ${withMs.toFixed(1)} ms with volume GEX, majors, delta/vanna/charm → ${ratio.toFixed(2)}×${goal ? ` (goal < ${GOAL_RATIO}×) ${ratio < GOAL_RATIO ? 'PASS' : 'FAIL'}` : ''}`,
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
    marketDataSource: { provider: 'alpaca', feed: 'indicative', credentials: 'pulse_key' },
    historyRetentionDays: 7,
  });
  const doc = { ...writes.regime.header, ...writes.regime.symbolMaps, timestamp: new Date() };
  const bytes = firestoreDocumentSize('systemStatus/market_regime', doc);
  console.log(
    `  regime document, SPY + SPX maps (every expiry), built offline: ${bytes.toLocaleString('en-US')} bytes (Firestore size; budget ${REGIME_BUDGET_BYTES.toLocaleString('en-US')}) ${bytes < REGIME_BUDGET_BYTES ? 'PASS' : 'FAIL'}`,
  );
}

/** Measures and prints the exposure cost on SPY 0DTE+1DTE and the full SPX chain, and the size. */
export async function run(): Promise<void> {
  await Promise.resolve();
  console.log(`(medians of ${RUNS} runs in turn after ${WARMUP} warm-ups)`);
  const zeroAndOneDte = { zeroDte: true, oneDte: true };
  exposureCost('SPY 2025-05-16, 0DTE+1DTE', 'spy_quotedata_2025-05-16_1923ET.csv', zeroAndOneDte, false);
  exposureCost('SPX 2023-09-14, every expiry', 'spx_quotedata_2023-09-14_1631ET.csv', 'all', true);
  regimeDocumentSize();
}

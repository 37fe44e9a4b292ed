/**
 * One `live` cycle (adapter + engine) for SPY and QQQ against the in-process simulator with
 * 100 ms of injected latency on every Alpaca request. The first cycle of a day also fetches the
 * calendar and the contract lists (OI); steady-state cycles make clock + spot + one chain request
 * per symbol. Requests that do not depend on each other run in parallel, so a steady cycle should
 * cost about two latencies (clock ∥ spot, then both chains) and the first about three.
 * Baseline: the same cycles with no injected latency, measured in the same run.
 */
import { computeGex } from '../../functions/src/gex/compute-gex';
import { createAlpacaClient } from '../../functions/src/market/alpaca-client';
import type { MarketCycle } from '../../functions/src/market/market-cycle';
import { createMarketData } from '../../functions/src/market/market-data';
import { startSimulator } from '../../simulator/server';

export const title = 'live cycle: Alpaca adapter + engine, SPY+QQQ, simulator with 100 ms per request';

const LATENCY_MS = 100;
const STEADY_CYCLES = 5;
const SYMBOLS = ['SPY', 'QQQ'];

interface Measured {
  wallMs: number;
  cycle: MarketCycle;
}

async function timedCycle(load: () => Promise<MarketCycle>): Promise<Measured> {
  const started = performance.now();
  const cycle = await load();
  for (const result of Object.values(cycle.symbols)) {
    if (!result.ok) throw new Error(`${result.symbol}: ${result.error.message}`);
    computeGex(result.chain);
  }
  return { wallMs: performance.now() - started, cycle };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

interface Measurement {
  /** First cycle against a fresh simulator: the simulator builds its market, the process warms up. */
  cold: Measured;
  /** First cycle of a fresh adapter (empty daily caches) in a warmed-up process. */
  first: Measured;
  steady: Measured[];
}

async function measure(latencyMs: number): Promise<Measurement> {
  const sim = await startSimulator({ port: 0, seed: 7, now: '2025-05-16T14:30:00Z', latencyMs });
  try {
    const client = createAlpacaClient({
      keyId: sim.keyId,
      secretKey: sim.secretKey,
      tradingBaseUrl: sim.url,
      dataBaseUrl: sim.url,
      optionFeed: 'indicative',
    });
    const cold = await timedCycle(() => createMarketData({ client }).loadChains(SYMBOLS));
    const marketData = createMarketData({ client });
    const load = () => marketData.loadChains(SYMBOLS);
    const first = await timedCycle(load);
    const steady: Measured[] = [];
    for (let i = 0; i < STEADY_CYCLES; i += 1) steady.push(await timedCycle(load));
    return { cold, first, steady };
  } finally {
    await sim.close();
  }
}

const calls = (c: MarketCycle) => `${c.calls.marketData} market data + ${c.calls.trading} trading`;

export async function run(): Promise<void> {
  const base = await measure(0);
  const slow = await measure(LATENCY_MS);
  const steadyMs = median(slow.steady.map((m) => m.wallMs));
  const baseSteadyMs = median(base.steady.map((m) => m.wallMs));
  const last = slow.steady.at(-1)!.cycle;
  const times = (ms: number) => `${ms.toFixed(0)} ms = ${(ms / LATENCY_MS).toFixed(2)}× latency`;
  console.log(
    `first cycle of the day (calendar + contracts fetched): ${times(slow.first.wallMs)}; calls ${calls(slow.first.cycle)}`,
  );
  console.log(`  (warm-up cycle against a fresh simulator, not counted: ${times(slow.cold.wallMs)})`);
  console.log(
    `steady cycle (median of ${STEADY_CYCLES}): ${steadyMs.toFixed(0)} ms = ${(steadyMs / LATENCY_MS).toFixed(2)}× latency (goal < 6×); calls ${calls(last)}`,
  );
  console.log(
    `steady market-data calls per cycle: ${last.calls.marketData}; requests by endpoint: ${JSON.stringify(last.calls.byEndpoint)}`,
  );
  console.log(
    `baseline, no injected latency: warm-up ${base.cold.wallMs.toFixed(0)} ms, first ${base.first.wallMs.toFixed(0)} ms, steady ${baseSteadyMs.toFixed(1)} ms (adapter + engine + simulator overhead)`,
  );
}

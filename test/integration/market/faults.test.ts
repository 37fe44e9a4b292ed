import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { AlpacaApiError } from '../../../functions/src/market/alpaca-api-error';
import type { SymbolChainResult } from '../../../functions/src/market/market-cycle';
import type { RunningSimulator } from '../../../simulator/server';
import { FRIDAY_OPEN, simFaults, simMarketData, simReset, startSim } from './sim-harness';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim(FRIDAY_OPEN);
});
afterAll(() => sim.close());
beforeEach(() => simReset(sim, FRIDAY_OPEN));

const CHAIN = '/v1beta1/options/snapshots/{underlying}';

function ok(result: SymbolChainResult | undefined) {
  if (!result?.ok) throw new Error(`expected a chain, got ${JSON.stringify(result)}`);
  return result;
}

async function cycleWith(faults: unknown[], config = {}) {
  await simFaults(sim, faults);
  const { marketData } = simMarketData(sim, {}, config);
  return marketData.loadChains(['SPY', 'QQQ']);
}

describe('injected faults give a clear typed outcome', () => {
  it('429 with Retry-After: the SDK waits as told, retries, and the cycle succeeds', async () => {
    const cycle = await cycleWith([
      {
        kind: 'status',
        status: 429,
        endpoint: '/v1beta1/options/snapshots/SPY',
        times: 1,
        retryAfterSeconds: 1,
      },
    ]);
    expect(ok(cycle.symbols.SPY).chain.contracts.length).toBeGreaterThan(0);
    expect(cycle.calls.byEndpoint[CHAIN]).toBe(3); // SPY twice, QQQ once
    expect(cycle.elapsedMs).toBeGreaterThanOrEqual(950);
  });

  it('429 that persists: that symbol fails as rate_limited, the other is unaffected', async () => {
    const cycle = await cycleWith([
      { kind: 'status', status: 429, endpoint: '/v1beta1/options/snapshots/QQQ', retryAfterSeconds: 0 },
    ]);
    expect(cycle.symbols.QQQ).toMatchObject({
      ok: false,
      error: { kind: 'rate_limited', status: 429, endpoint: CHAIN },
      calls: { marketData: 3 }, // 1 attempt + 2 retries
    });
    expect(cycle.symbols.SPY?.ok).toBe(true);
  });

  it('a 429 storm asking for 60 s waits at most the retry cap per attempt and fails fast', async () => {
    const started = Date.now();
    const error: unknown = await cycleWith([{ kind: 'status', status: 429, retryAfterSeconds: 60 }]).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, endpoint: '/v2/clock' });
    // 1 attempt + 2 retries, each wait capped at maxRetryDelayMs (1.5 s here, 2 s by default).
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sim.control.stats().requests['GET /v2/clock']).toBe(3);
  });

  it('500 once is retried; 503 that persists fails the symbol as http 503', async () => {
    const once = await cycleWith([
      { kind: 'status', status: 500, endpoint: '/v2/options/contracts', times: 1 },
    ]);
    expect(once.symbols.SPY?.ok && once.symbols.QQQ?.ok).toBe(true);
    expect(once.calls.byEndpoint['/v2/options/contracts']).toBe(3);

    await simReset(sim, FRIDAY_OPEN);
    const persistent = await cycleWith([
      { kind: 'status', status: 503, endpoint: '/v1beta1/options/snapshots/SPY' },
    ]);
    expect(persistent.symbols.SPY).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 503, endpoint: CHAIN },
    });
    expect(persistent.symbols.QQQ?.ok).toBe(true);
  });

  it('latency slows the cycle but does not fail it', async () => {
    const cycle = await cycleWith([{ kind: 'latency', ms: 300, endpoint: '/v1beta1/options/snapshots' }]);
    expect(cycle.symbols.SPY?.ok && cycle.symbols.QQQ?.ok).toBe(true);
    expect(cycle.elapsedMs).toBeGreaterThanOrEqual(300);
  });

  it('a hung chain request times out at the per-request deadline; the other symbol completes', async () => {
    const started = Date.now();
    const cycle = await cycleWith([{ kind: 'hang', endpoint: '/v1beta1/options/snapshots/QQQ' }], {
      requestTimeoutMs: 400,
    });
    expect(cycle.symbols.QQQ).toMatchObject({
      ok: false,
      error: { kind: 'timeout', endpoint: CHAIN, status: null },
    });
    expect(cycle.symbols.SPY?.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('the cycle deadline bounds a hang even when the per-request deadline is long', async () => {
    await simFaults(sim, [{ kind: 'hang', endpoint: '/v1beta1/options/snapshots/SPY' }]);
    const { marketData } = simMarketData(sim, { cycleDeadlineMs: 600 }, { requestTimeoutMs: 30_000 });
    const started = Date.now();
    const cycle = await marketData.loadChains(['SPY', 'QQQ']);
    expect(cycle.symbols.SPY).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('malformed JSON on the chain fails that symbol; on the clock it fails the cycle', async () => {
    const chain = await cycleWith([{ kind: 'malformed_json', endpoint: '/v1beta1/options/snapshots/SPY' }]);
    expect(chain.symbols.SPY).toMatchObject({
      ok: false,
      error: { kind: 'malformed', status: 200, endpoint: CHAIN },
    });
    expect(chain.symbols.QQQ?.ok).toBe(true);

    await simReset(sim, FRIDAY_OPEN);
    const error: unknown = await cycleWith([{ kind: 'malformed_json', endpoint: '/v2/clock' }]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect(error).toMatchObject({ kind: 'malformed', endpoint: '/v2/clock' });
  });

  it.each([
    ['/v2/options/contracts', '/v2/options/contracts'],
    ['/v2/stocks/trades/latest', '/v2/stocks/trades/latest'],
  ])('malformed JSON on %s fails every symbol as malformed, naming the endpoint', async (path, endpoint) => {
    const cycle = await cycleWith([{ kind: 'malformed_json', endpoint: path }]);
    for (const symbol of ['SPY', 'QQQ']) {
      expect(cycle.symbols[symbol]).toMatchObject({
        ok: false,
        error: { kind: 'malformed', status: 200, endpoint, message: `${endpoint}: response is not JSON` },
      });
    }
  });

  it('malformed JSON on the calendar fails the cycle as malformed', async () => {
    const error: unknown = await cycleWith([{ kind: 'malformed_json', endpoint: '/v2/calendar' }]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect(error).toMatchObject({ kind: 'malformed', endpoint: '/v2/calendar', status: 200 });
  });

  it('missing greeks reach the engine as missing, which computes them locally and counts them', async () => {
    const cycle = await cycleWith([{ kind: 'missing_greeks', symbol: 'SPY', fraction: 0.5 }]);
    const spy = ok(cycle.symbols.SPY);
    const missing = spy.chain.contracts.filter((c) => c.gamma == null).length;
    expect(missing).toBeGreaterThan(0);
    const { quality } = computeGex(spy.chain).regime;
    expect(quality.local_greeks).toBeGreaterThan(0);
    expect(quality.local_greeks).toBeLessThanOrEqual(missing);
  });

  it.each(['abc', '-5'])('bad open interest (%s) is skipped and counted, never used', async (value) => {
    const cycle = await cycleWith([{ kind: 'bad_open_interest', symbol: 'SPY', value, fraction: 0.3 }]);
    const spy = ok(cycle.symbols.SPY);
    const bad = spy.chain.contracts.filter((c) => c.openInterest === value).length;
    expect(bad).toBeGreaterThan(0);
    const { quality } = computeGex(spy.chain).regime;
    const skipped = Object.values(quality.skipped).reduce((a, b) => a + b, 0);
    expect(skipped).toBeGreaterThanOrEqual(bad);
    expect(quality.contracts_used).toBeLessThanOrEqual(spy.chain.contracts.length - bad);
  });

  it.each(['0', '-5', 'abc'])(
    'open interest "%s" on every contract fails that symbol instead of a zero GEX',
    async (value) => {
      const cycle = await cycleWith([{ kind: 'bad_open_interest', symbol: 'QQQ', value }]);
      expect(cycle.symbols.QQQ).toMatchObject({
        ok: false,
        error: { kind: 'no_open_interest', endpoint: null, status: null },
      });
      expect(cycle.symbols.SPY?.ok).toBe(true);
    },
  );

  it('an empty chain is an error for that symbol (never zeros)', async () => {
    const cycle = await cycleWith([{ kind: 'empty_chain', symbol: 'QQQ' }]);
    expect(cycle.symbols.QQQ).toMatchObject({ ok: false, error: { kind: 'empty_chain' } });
    expect(cycle.symbols.SPY?.ok).toBe(true);
  });

  it('wrong keys fail the cycle as auth; a closed port as network', async () => {
    const { marketData } = simMarketData(sim, {}, { secretKey: 'wrong' });
    await expect(marketData.loadChains(['SPY'])).rejects.toMatchObject({ kind: 'auth', status: 403 });
    const closed = simMarketData(
      sim,
      {},
      { tradingBaseUrl: 'http://127.0.0.1:9', dataBaseUrl: 'http://127.0.0.1:9' },
    );
    await expect(closed.marketData.loadChains(['SPY'])).rejects.toMatchObject({
      kind: 'network',
      endpoint: '/v2/clock',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { symbolRegimeOf } from '../../../functions/src/contract/regime';
import { GexInputError } from '../../../functions/src/gex/compute-gex';
import { AlpacaApiError } from '../../../functions/src/market/alpaca-api-error';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { gexResult, testDeps } from './fakes';

const T0 = '2025-05-16T14:30:00.000Z';
const T1 = '2025-05-16T14:31:00.000Z';
const spyGood = gexResult({ netGex: '7650000.00', spot: '450.25', asOf: T0 });
const qqqGood = gexResult({ netGex: '-1200000.50', spot: '520.10', asOf: T0 });

describe('runPulse: error_kind beside error', () => {
  it('is null on every map and the document when nothing failed', async () => {
    const { deps, store } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: T0 });
    expect(store.regime).toMatchObject({ error: null, error_kind: null });
    expect(symbolRegimeOf(store.regime!, 'spy')).toMatchObject({ error: null, error_kind: null });
  });

  it("carries the adapter's kind on a failed symbol, which keeps its numbers", async () => {
    const { deps, market, store } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: T0 });
    market.failing.set('QQQ', 'auth: /v1beta1/options/snapshots/{underlying}: not authorized (401)');
    market.failingKind.set('QQQ', 'auth');
    await runPulse(deps, { scheduleTime: T1 });
    const qqq = symbolRegimeOf(store.regime!, 'qqq')!;
    expect(qqq).toMatchObject({ stale: true, error_kind: 'auth', net_gex: '-1200000.50' });
    expect(qqq.error).toMatch(/401/);
    expect(symbolRegimeOf(store.regime!, 'spy')).toMatchObject({ stale: false, error_kind: null });
    expect(store.regime).toMatchObject({ error: null, error_kind: null });
  });

  it("maps the engine's no-usable-contracts refusal, and any other engine refusal to malformed", async () => {
    const none = new GexInputError('no usable contracts among 4 (skipped: {})', 'SPY', 'contracts');
    const badSpot = new GexInputError('spot price is not a positive number: 0', 'QQQ', 'spotPrice');
    const { deps, store } = testDeps({ results: { SPY: none, QQQ: badSpot } });
    await runPulse(deps, { scheduleTime: T0 });
    expect(store.regime!.missing_symbols.spy).toMatch(/no usable contracts/);
    // No fresh symbol and no pulse-level error: the document takes the first symbol's kind.
    expect(store.regime).toMatchObject({ stale: true, error_kind: 'no_usable_contracts' });

    const after = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(after.deps, { scheduleTime: T0 });
    const broken = (): never => {
      throw new RangeError('expiry close is not an instant');
    };
    await runPulse({ ...after.deps, computeGex: broken }, { scheduleTime: T1 });
    expect(symbolRegimeOf(after.store.regime!, 'spy')).toMatchObject({
      stale: true,
      error_kind: 'malformed',
    });
    expect(after.store.regime).toMatchObject({
      error: 'no symbol could be computed',
      error_kind: 'malformed',
    });
  });

  it("puts the clock's kind at the document level and its request id only in the log", async () => {
    const { deps, market, store, log } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: T0 });
    market.clock = new AlpacaApiError('/v2/clock', 'rate_limited', 429, '/v2/clock: rate limited (429)', {
      requestId: 'req-42',
    });
    await runPulse(deps, { scheduleTime: T1 });
    const doc = store.regime!;
    expect(doc).toMatchObject({ stale: true, error_kind: 'rate_limit' });
    expect(symbolRegimeOf(doc, 'spy')).toMatchObject({ stale: true, error_kind: 'rate_limit' });
    expect(JSON.stringify(store.commits.at(-1))).not.toContain('req-42');
    const line = log.lines.find((l) => l.message === 'pulse market clock failed');
    expect(line?.fields).toMatchObject({ error_kind: 'rate_limit', request_id: 'req-42' });
  });

  it('logs a failed symbol with its kind and request id', async () => {
    const { deps, market, log } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    market.failing.set('QQQ', 'timeout: deadline exceeded');
    market.failingKind.set('QQQ', 'timeout');
    market.failingRequestId = 'req-7';
    await runPulse(deps, { scheduleTime: T0 });
    const line = log.lines.find((l) => l.message === 'pulse symbol failed');
    expect(line?.fields).toMatchObject({ symbol: 'QQQ', error_kind: 'timeout', request_id: 'req-7' });
  });
});

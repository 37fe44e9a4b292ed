import { describe, expect, it, vi } from 'vitest';
import { symbolRegimeOf } from '../../../functions/src/contract/regime';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { gexResult, testDeps } from './fakes';

const T0 = '2025-05-16T14:30:00.000Z';
const T1 = '2025-05-16T14:31:00.000Z';
const spyGood = gexResult({ netGex: '7650000.00', spot: '450.25', asOf: T0 });
const qqqGood = gexResult({ netGex: '-1200000.50', spot: '520.10', asOf: T0 });

describe('runPulse: writes', () => {
  it('writes the seed contract once: lower-case maps, string decimals, bias from SPY', async () => {
    const { deps, store } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    const outcome = await runPulse(deps, { scheduleTime: T0 });

    expect(outcome).toMatchObject({ status: 'written', docsWritten: 5, stale: false, marketOpen: true });
    expect(store.commits).toHaveLength(1);
    const doc = store.regime!;
    expect(doc.market_volatility_bias).toBe('Bullish');
    expect(doc.symbols).toEqual(['spy', 'qqq']);
    expect(doc.pulse_time).toBe(T0);
    expect(doc.last_updated).toBe('2025-05-16T14:30:05.000Z');
    const spy = symbolRegimeOf(doc, 'spy')!;
    expect(spy).toMatchObject({ net_gex: '7650000.00', spot_price: '450.25', stale: false, error: null });
    expect(spy.last_success_at).toBe(T0);
    expect(symbolRegimeOf(doc, 'qqq')!.volatility_bias).toBe('Bearish');
    expect(doc.api_calls).toBe(1 + 3); // clock + adapter's spot and one chain per symbol
    expect(doc.market_data_source).toEqual({
      provider: 'alpaca',
      feed: 'indicative',
      credentials: 'pulse_key',
    });
  });

  it('writes a profile per fresh symbol and a history row expiring after the retention', async () => {
    const { deps, store } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: T0 });
    const writes = store.commits[0]!;
    expect(writes.profiles.map((p) => p.symbol)).toEqual(['SPY', 'QQQ']);
    expect(writes.profiles[0]).toMatchObject({
      call_wall: '450',
      zero_gamma: '448.10',
      profile: spyGood.profile,
    });
    expect(writes.history.id).toBe(T0);
    expect(writes.history.expireAt.toISOString()).toBe('2025-05-23T14:30:00.000Z');
    expect(writes.history.row.symbols.spy).toMatchObject({ net_gex: '7650000.00', stale: false });
  });

  it('logs the outcome with snake_case fields like the other pulse lines', async () => {
    const { deps, log } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: T0 });
    const finished = log.lines.find((l) => l.message === 'pulse finished')!;
    expect(finished.fields).toEqual({
      status: 'written',
      pulse_time: T0,
      api_calls: 4,
      duration_ms: 0,
      docs_written: 5,
      market_open: true,
      stale: false,
    });
    const spyLine = log.lines.find((l) => l.message === 'pulse symbol computed')!;
    expect(spyLine.fields).toMatchObject({
      symbol: 'SPY',
      engine_ms: 0,
      api_calls: 1,
      contracts_seen: 4,
      contracts_used: 4,
      skipped: {},
    });
  });

  it('normalizes the schedule time and falls back to the wall clock when it is unparsable', async () => {
    const { deps, store } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: 'not a time' });
    expect(store.regime!.pulse_time).toBe('2025-05-16T14:30:05.000Z');
  });
});

describe('runPulse: failures keep the last good numbers', () => {
  it('marks a failed symbol stale with its error and keeps its numbers; the other is fresh', async () => {
    const { deps, store, market, setNow } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: T0 });
    market.failing.set('QQQ', 'rate_limited: 429 from /v1beta1/options/snapshots/{underlying}');
    setNow('2025-05-16T14:31:05.000Z');
    const outcome = await runPulse(deps, { scheduleTime: T1 });

    expect(outcome).toMatchObject({ status: 'written', stale: false });
    const qqq = symbolRegimeOf(store.regime!, 'qqq')!;
    expect(qqq).toMatchObject({
      net_gex: '-1200000.50',
      stale: true,
      error: 'rate_limited: 429 from /v1beta1/options/snapshots/{underlying}',
      last_success_at: T0,
      last_attempt_at: T1,
    });
    expect(symbolRegimeOf(store.regime!, 'spy')!.last_success_at).toBe(T1);
    expect(store.commits[1]!.profiles.map((p) => p.symbol)).toEqual(['SPY']);
    expect(store.commits[1]!.history.row.symbols.qqq!.stale).toBe(true);
  });

  it('marks the whole document stale on total failure and never writes zeros', async () => {
    const { deps, store, market, setNow } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    await runPulse(deps, { scheduleTime: T0 });
    market.clock = new Error('connect ECONNREFUSED');
    setNow('2025-05-16T14:31:05.000Z');
    const outcome = await runPulse(deps, { scheduleTime: T1 });

    expect(outcome).toMatchObject({ status: 'written', stale: true });
    const doc = store.regime!;
    expect(doc.stale).toBe(true);
    expect(doc.error).toBe('market clock: connect ECONNREFUSED');
    expect(doc.market_open).toBe(true); // last known state, not a guess
    expect(doc.as_of).toBe(T0);
    for (const key of ['spy', 'qqq']) {
      const map = symbolRegimeOf(doc, key)!;
      expect(map.stale).toBe(true);
      expect(map.net_gex).not.toBe('0.00');
    }
    expect(store.commits[1]!.profiles).toHaveLength(0);
  });

  it('lists a symbol that never succeeded as missing instead of writing it', async () => {
    const { deps, store, market } = testDeps({ results: { SPY: spyGood } });
    market.failing.set('QQQ', 'empty_chain: no snapshots');
    await runPulse(deps, { scheduleTime: T0 });
    expect(store.regime!.symbols).toEqual(['spy']);
    expect(store.regime!.missing_symbols).toEqual({ qqq: 'empty_chain: no snapshots' });
    expect(store.regime!.qqq).toBeUndefined();
  });

  it('market_volatility_bias follows SPY alone: Neutral while SPY has no numbers, never QQQ’s sign', async () => {
    const { deps, store, market, setNow } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    market.failing.set('SPY', 'empty_chain: no snapshots');
    await runPulse(deps, { scheduleTime: T0 });
    expect(store.regime!.missing_symbols).toEqual({ spy: 'empty_chain: no snapshots' });
    expect(symbolRegimeOf(store.regime!, 'qqq')!.volatility_bias).toBe('Bearish');
    expect(store.regime!.market_volatility_bias).toBe('Neutral');

    // Once SPY has numbers, a later SPY failure keeps its last good (stale) bias with them.
    market.failing.clear();
    setNow('2025-05-16T14:31:05.000Z');
    await runPulse(deps, { scheduleTime: T1 });
    market.failing.set('SPY', 'server_error: 503');
    setNow('2025-05-16T14:32:05.000Z');
    await runPulse(deps, { scheduleTime: '2025-05-16T14:32:00.000Z' });
    expect(symbolRegimeOf(store.regime!, 'spy')).toMatchObject({ stale: true, volatility_bias: 'Bullish' });
    expect(store.regime!.market_volatility_bias).toBe('Bullish');
  });

  it('stores and logs an upstream error on one short line, even when it carries an HTML page', async () => {
    const { deps, store, market, log } = testDeps({ results: { SPY: spyGood } });
    const page = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${'x'.repeat(5000)}</body>\n</html>`;
    market.failing.set('QQQ', `http: /v1beta1/options/snapshots/{underlying}: failed (502): ${page}`);
    await runPulse(deps, { scheduleTime: T0 });
    const stored = store.regime!.missing_symbols.qqq!;
    expect(stored).toMatch(
      /^http: \/v1beta1\/options\/snapshots\/\{underlying\}: failed \(502\): <html> <head>/,
    );
    expect(stored).not.toMatch(/\n/);
    expect(stored.length).toBeLessThanOrEqual(300);
    const logged = log.lines.find((l) => l.message === 'pulse symbol failed')!.fields!.error as string;
    expect(logged).toBe(stored);

    market.clock = new Error(`connect ECONNREFUSED\n    at TCPConnectWrap ${'y'.repeat(1000)}`);
    await runPulse(deps, { scheduleTime: T1 });
    expect(store.regime!.error).toMatch(/^market clock: connect ECONNREFUSED at TCPConnectWrap y+…$/);
    expect(store.regime!.error!.length).toBeLessThan(320);
  });

  it('turns an engine failure into that symbol’s error', async () => {
    const { deps, store, log } = testDeps({
      results: { SPY: spyGood, QQQ: new Error('spot price is not a positive number') },
    });
    await runPulse(deps, { scheduleTime: T0 });
    expect(store.regime!.missing_symbols.qqq).toBe('engine: spot price is not a positive number');
    expect(log.lines.some((l) => l.level === 'error' && l.fields?.symbol === 'QQQ')).toBe(true);
  });

  it('a failing account sync is logged and does not block the regime', async () => {
    const { deps, store, log } = testDeps({
      results: { SPY: spyGood, QQQ: qqqGood },
      accounts: { syncAll: () => Promise.reject(new Error('users query failed')) },
    });
    await runPulse(deps, { scheduleTime: T0 });
    expect(store.commits).toHaveLength(1);
    expect(log.lines.find((l) => l.message === 'pulse account sync failed')?.fields).toEqual({
      error: 'users query failed',
    });
  });

  it('commits the regime while the account sync is still running, and passes the market state', async () => {
    let finishSync: () => void = () => undefined;
    const calls: { asOf: string; marketOpen: boolean }[] = [];
    const { deps, store } = testDeps({
      results: { SPY: spyGood, QQQ: qqqGood },
      accounts: {
        syncAll: (input) => {
          calls.push(input);
          return new Promise((resolve) => {
            finishSync = () => resolve({ users: 1, tasks: 1, duplicateTasks: 0, skipped: null });
          });
        },
      },
    });
    let done = false;
    const run = runPulse(deps, { scheduleTime: T0 }).then(() => (done = true));
    await vi.waitFor(() => expect(store.commits).toHaveLength(1));
    expect(done).toBe(false);
    finishSync();
    await run;
    expect(calls).toEqual([{ asOf: new Date(T0).toISOString(), marketOpen: true }]);
  });

  it('releases the lease and rethrows when the Firestore write fails', async () => {
    const { deps, store } = testDeps({ results: { SPY: spyGood, QQQ: qqqGood } });
    store.failCommit = new Error('DEADLINE_EXCEEDED');
    await expect(runPulse(deps, { scheduleTime: T0 })).rejects.toThrow('DEADLINE_EXCEEDED');
    expect(store.holder).toBeNull();
    expect(store.released).toBe(1);
  });
});

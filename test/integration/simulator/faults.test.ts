import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../simulator/server';
import {
  alpaca,
  control,
  FRIDAY_1030,
  KEYS,
  start,
  type ContractsPage,
  type SnapshotsPage,
} from './sim-client';

const CHAIN = '/v1beta1/options/snapshots/SPY?limit=1000&expiration_date=2025-05-16';
const CONTRACTS = '/v2/options/contracts?underlying_symbols=SPY&expiration_date=2025-05-16&limit=1000';

describe('simulator fault injection', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    expect((await control(sim, 'reset', {})).status).toBe(200);
  });

  it('status 429 with Retry-After, limited by times and endpoint prefix', async () => {
    await control(sim, 'faults', {
      faults: [{ kind: 'status', status: 429, endpoint: '/v1beta1/options', times: 2, retryAfterSeconds: 3 }],
    });
    const first = await alpaca<{ code: number; message: string }>(sim, CHAIN);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body.message).toBe('rate limit exceeded');
    expect((await alpaca(sim, '/v2/clock')).status).toBe(200); // other endpoint untouched
    expect((await alpaca(sim, CHAIN)).status).toBe(429);
    expect((await alpaca(sim, CHAIN)).status).toBe(200); // times used up
  });

  it.each([500, 503])('status %i on every endpoint when no prefix is given', async (status) => {
    await control(sim, 'faults', { faults: [{ kind: 'status', status }] });
    expect((await alpaca(sim, '/v2/clock')).status).toBe(status);
    expect((await alpaca(sim, CONTRACTS)).status).toBe(status);
  });

  it('latency per endpoint and globally', async () => {
    await control(sim, 'faults', { faults: [{ kind: 'latency', ms: 150, endpoint: '/v2/clock' }] });
    let t0 = performance.now();
    await alpaca(sim, '/v2/clock');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    t0 = performance.now();
    await alpaca(sim, '/v2/calendar?start=2025-05-16&end=2025-05-16');
    expect(performance.now() - t0).toBeLessThan(140);
    await control(sim, 'latency', { ms: 120 });
    t0 = performance.now();
    await alpaca(sim, '/v2/calendar?start=2025-05-16&end=2025-05-16');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
  });

  it('hang: the request is accepted and never answered; later requests are served', async () => {
    await control(sim, 'faults', { faults: [{ kind: 'hang', endpoint: '/v2/stocks', times: 1 }] });
    const hung = fetch(`${sim.url}/v2/stocks/trades/latest?symbols=SPY`, {
      headers: KEYS,
      signal: AbortSignal.timeout(400),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    expect((await alpaca(sim, '/v2/stocks/trades/latest?symbols=SPY')).status).toBe(200);
    expect(sim.control.stats().requests['GET /v2/stocks/trades/latest']).toBe(2);
  });

  it('malformed_json: 200 with a body that does not parse', async () => {
    await control(sim, 'faults', {
      faults: [{ kind: 'malformed_json', endpoint: '/v2/options/contracts', times: 1 }],
    });
    const broken = await alpaca(sim, CONTRACTS);
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.text) as unknown).toThrow();
    expect(broken.text.startsWith('{"option_contracts":[')).toBe(true);
    expect((await alpaca<ContractsPage>(sim, CONTRACTS)).body.option_contracts.length).toBeGreaterThan(0);
  });

  it('missing_greeks: a stable fraction of snapshots lose greeks and IV', async () => {
    await control(sim, 'faults', { faults: [{ kind: 'missing_greeks', symbol: 'SPY', fraction: 0.3 }] });
    const { body } = await alpaca<SnapshotsPage>(sim, CHAIN);
    const snaps = Object.values(body.snapshots);
    const missing = snaps.filter((s) => s.greeks === undefined);
    expect(missing.length / snaps.length).toBeGreaterThan(0.15);
    expect(missing.length / snaps.length).toBeLessThan(0.45);
    expect(missing.every((s) => s.impliedVolatility === undefined && s.latestQuote !== undefined)).toBe(true);
    const again = await alpaca<SnapshotsPage>(sim, CHAIN);
    expect(Object.values(again.body.snapshots).filter((s) => !s.greeks)).toHaveLength(missing.length);
    const qqq = await alpaca<SnapshotsPage>(sim, '/v1beta1/options/snapshots/QQQ?limit=50');
    expect(Object.values(qqq.body.snapshots).every((s) => s.greeks)).toBe(true);
  });

  it.each(['0', '-5', 'abc'])('bad_open_interest "%s" on every contract', async (value) => {
    await control(sim, 'faults', { faults: [{ kind: 'bad_open_interest', value }] });
    const { body } = await alpaca<ContractsPage>(sim, CONTRACTS);
    expect(body.option_contracts.length).toBeGreaterThan(0);
    expect(body.option_contracts.every((c) => c.open_interest === value)).toBe(true);
  });

  it('empty_chain: no snapshots for that symbol only', async () => {
    await control(sim, 'faults', { faults: [{ kind: 'empty_chain', symbol: 'SPY' }] });
    expect((await alpaca<SnapshotsPage>(sim, CHAIN)).body).toEqual({ snapshots: {}, next_page_token: null });
    const qqq = await alpaca<SnapshotsPage>(sim, '/v1beta1/options/snapshots/QQQ?limit=5');
    expect(Object.keys(qqq.body.snapshots)).toHaveLength(5);
  });

  it('holiday: the calendar omits the date and the clock is closed that day', async () => {
    await control(sim, 'faults', { faults: [{ kind: 'holiday', date: '2025-05-16' }] });
    const clock = await alpaca<{ is_open: boolean; next_open: string }>(sim, '/v2/clock');
    expect(clock.body.is_open).toBe(false);
    expect(clock.body.next_open).toBe('2025-05-19T09:30:00.000-04:00');
    const cal = await alpaca<{ date: string }[]>(sim, '/v2/calendar?start=2025-05-15&end=2025-05-19');
    expect(cal.body.map((d) => d.date)).toEqual(['2025-05-15', '2025-05-19']);
    const contracts = await alpaca<ContractsPage>(
      sim,
      '/v2/options/contracts?underlying_symbols=SPY&limit=10000',
    );
    expect(contracts.body.option_contracts.some((c) => c.expiration_date === '2025-05-16')).toBe(false);
  });

  it('rejects an unknown fault kind with 400 and keeps the previous set', async () => {
    await control(sim, 'faults', { faults: [{ kind: 'empty_chain', symbol: 'QQQ' }] });
    const bad = await control<{ code: number }>(sim, 'faults', { faults: [{ kind: 'meteor' }] });
    expect(bad.status).toBe(400);
    const health = (await (await fetch(`${sim.url}/_sim/health`)).json()) as unknown;
    expect(health).toMatchObject({
      faults: [{ kind: 'empty_chain', symbol: 'QQQ' }],
      now: '2025-05-16T10:30:00.000-04:00',
    });
  });

  it('counts requests per endpoint, faulted ones included; reset clears counters', async () => {
    await control(sim, 'faults', {
      faults: [{ kind: 'status', status: 503, endpoint: '/v2/clock', times: 1 }],
    });
    await alpaca(sim, '/v2/clock');
    await alpaca(sim, '/v2/clock');
    await alpaca(sim, CHAIN);
    const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as unknown;
    expect(stats).toEqual({
      requests: { 'GET /v1beta1/options/snapshots/SPY': 1, 'GET /v2/clock': 2 },
      total: 3,
      trading: 2,
      marketData: 1,
    });
    await control(sim, 'reset', { now: FRIDAY_1030 });
    expect(sim.control.stats().total).toBe(0);
  });

  it('rate limit: optional, per host and minute, 429 with Retry-After beyond it', async () => {
    const toNextMinute = 60_000 - (Date.now() % 60_000);
    if (toNextMinute < 2_000) await new Promise((r) => setTimeout(r, toNextMinute + 50)); // windows are real minutes
    expect((await control(sim, 'rate-limit', { perMinute: 2 })).status).toBe(200);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await alpaca(sim, '/v2/stocks/trades/latest?symbols=SPY'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['1', '0', '0']);
    expect(Number(answers[2]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers[2]?.body).toEqual({ code: 42910000, message: 'too many requests' });
    expect((await alpaca(sim, '/v2/clock')).status).toBe(200); // the trading host has its own budget
    await control(sim, 'reset', {});
    expect((await alpaca(sim, '/v2/stocks/trades/latest?symbols=SPY')).status).toBe(200);
  });
});

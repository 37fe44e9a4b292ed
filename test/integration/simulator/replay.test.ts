import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import { Decimal, parseDecimal } from '../../../functions/src/num/decimal';
import type { RunningSimulator } from '../../../simulator/server';
import { allPages, alpaca, control, start, type ContractsPage, type SnapshotsPage } from './sim-client';

const FILE = 'test/fixtures/cboe/spy_quotedata_2023-09-14_1631ET.csv';
const SNIPPET = 'test/fixtures/cboe/spx_quotedata_2025-01-06_2057ET_snippet20rows.csv';

function sameNumber(served: number | string | undefined, printed: unknown): boolean {
  const a = parseDecimal(served);
  const b = parseDecimal(printed);
  return a === null ? b === null : b !== null && a.equals(b);
}

describe('simulator replay of a CBOE file', () => {
  const chain = parseCboeCsv(readFileSync(FILE, 'utf8'));
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start({ replay: [FILE] });
  });
  afterAll(() => sim.close());

  it('serves exactly the file’s contracts and open interest', async () => {
    const pages = await allPages<ContractsPage>(
      sim,
      '/v2/options/contracts?underlying_symbols=SPY&expiration_date_gte=2000-01-01&limit=10000',
    );
    const served = new Map(pages.flatMap((p) => p.option_contracts).map((c) => [c.symbol, c]));
    expect(served.size).toBe(chain.contracts.length);
    for (const c of chain.contracts) {
      const wire = served.get(c.symbol);
      expect(wire?.expiration_date).toBe(c.expiry);
      expect(sameNumber(wire?.strike_price, c.strike)).toBe(true);
      expect(sameNumber(wire?.open_interest, c.openInterest)).toBe(true);
    }
  });

  it('serves the file’s gamma, IV and bid/ask in the chain, page after page', async () => {
    const pages = await allPages<SnapshotsPage>(sim, '/v1beta1/options/snapshots/SPY?limit=1000');
    const snaps = Object.assign({}, ...pages.map((p) => p.snapshots)) as SnapshotsPage['snapshots'];
    expect(pages.length).toBe(Math.ceil(chain.contracts.length / 1000));
    expect(Object.keys(snaps)).toHaveLength(chain.contracts.length);
    for (const c of chain.contracts) {
      const snap = snaps[c.symbol];
      expect(sameNumber(snap?.greeks?.gamma, c.gamma)).toBe(true);
      expect(sameNumber(snap?.impliedVolatility, c.impliedVolatility)).toBe(true);
      expect(sameNumber(snap?.latestQuote?.bp, c.bid)).toBe(true);
      expect(sameNumber(snap?.latestQuote?.ap, c.ask)).toBe(true);
    }
  });

  it('serves the file’s spot and fixes the clock at its stamp', async () => {
    const trades = await alpaca<{ trades: { SPY: { p: number; t: string } } }>(
      sim,
      '/v2/stocks/trades/latest?symbols=SPY',
    );
    expect(new Decimal(trades.body.trades.SPY.p).equals(new Decimal(chain.spotPrice))).toBe(true);
    expect(trades.body.trades.SPY.t).toBe(chain.stampedAt);
    const clock = await alpaca<{ timestamp: string; is_open: boolean; next_open: string }>(sim, '/v2/clock');
    expect(Date.parse(clock.body.timestamp)).toBe(Date.parse(chain.stampedAt));
    expect(clock.body).toMatchObject({ is_open: false, next_open: '2023-09-15T09:30:00.000-04:00' });
  });

  it('replays over the control API too, and reset returns to the synthetic market', async () => {
    const csv = readFileSync(SNIPPET, 'utf8');
    const loaded = await control<{ underlying: string; contracts: number; spotPrice: string }>(
      sim,
      'replay',
      { csv },
    );
    expect(loaded.body).toMatchObject({ underlying: 'SPX', contracts: 40, spotPrice: '5975.3799' });
    const spx = await alpaca<SnapshotsPage>(sim, '/v1beta1/options/snapshots/SPX?limit=1000');
    expect(Object.keys(spx.body.snapshots)).toHaveLength(40);
    expect((await control(sim, 'replay', { csv: 'not a chain' })).status).toBe(400);
    await control(sim, 'reset', {});
    const health = (await (await fetch(`${sim.url}/_sim/health`)).json()) as unknown;
    expect(health).toMatchObject({ replays: [], clock: 'fixed', now: '2025-05-16T10:30:00.000-04:00' });
  });
});

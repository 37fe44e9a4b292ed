import { Timestamp } from 'firebase-admin/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  GexProfileDocument,
  HistoryRow,
  MarketRegimeDocument,
  symbolRegimeOf,
} from '../../../functions/src/contract/regime';
import { Decimal } from '../../../functions/src/num/decimal';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import {
  adminDb,
  clearFirestore,
  historyIds,
  inProcessPulseDeps,
  minute,
  sim,
  triggerPulse,
} from './harness';

/** A Friday session, mid-morning New York time: the simulator's market is open and fixed. */
const SIM_NOW = '2025-05-16T14:30:00Z';
const MONEY = /^-?\d+\.\d{2}$/;
const PRICE = /^\d+\.\d+$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('pulse writes the seed contract (Functions + Firestore emulators, Alpaca simulator)', () => {
  const db = adminDb();
  const t0 = minute(new Date(), 0);

  beforeEach(async () => {
    await clearFirestore();
    await sim.reset(SIM_NOW);
  });

  it('systemStatus/market_regime holds the seed fields exactly, as strings', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    const snap = await db.doc('systemStatus/market_regime').get();
    const raw = snap.data()!;
    const doc = MarketRegimeDocument.parse(raw);

    expect(raw.timestamp).toBeInstanceOf(Timestamp);
    expect(Math.abs((raw.timestamp as Timestamp).toMillis() - Date.now())).toBeLessThan(60_000);
    expect(doc.last_updated).toMatch(ISO);
    expect(Object.keys(raw)).toEqual(expect.arrayContaining(['spy', 'qqq']));
    expect(raw.SPY).toBeUndefined();
    for (const key of ['spy', 'qqq']) {
      const map = symbolRegimeOf(doc, key)!;
      expect(typeof map.net_gex).toBe('string');
      expect(map.net_gex).toMatch(MONEY);
      expect(map.total_call_gex).toMatch(MONEY);
      expect(map.total_put_gex).toMatch(MONEY);
      expect(map.spot_price).toMatch(PRICE);
      expect(new Decimal(map.total_call_gex).gte(0)).toBe(true);
      expect(new Decimal(map.total_put_gex).lte(0)).toBe(true);
      // net = calls + puts; each string is rounded to the cent on its own, so within one cent
      const sum = new Decimal(map.total_call_gex).plus(map.total_put_gex);
      expect(sum.minus(map.net_gex).abs().lte('0.01')).toBe(true);
      expect(Number.isInteger(map.option_count) && map.option_count > 0).toBe(true);
      const sign = new Decimal(map.net_gex).cmp(0);
      expect(map.volatility_bias).toBe(sign > 0 ? 'Bullish' : sign < 0 ? 'Bearish' : 'Neutral');
      expect(map).toMatchObject({ stale: false, error: null, last_success_at: t0.toISOString() });
      expect(Date.parse(map.as_of)).toBe(Date.parse(SIM_NOW));
    }
    expect(doc.market_volatility_bias).toBe(symbolRegimeOf(doc, 'spy')!.volatility_bias);
    expect(doc).toMatchObject({ market_open: true, stale: false, error: null, missing_symbols: {} });
    expect(doc.pulse_time).toBe(t0.toISOString());
    expect(doc.api_calls).toBeGreaterThan(0);
  });

  it('gexProfiles/{SYMBOL} and a history row with a TTL field are written with it', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    for (const symbol of ['SPY', 'QQQ']) {
      const profile = GexProfileDocument.parse((await db.doc(`gexProfiles/${symbol}`).get()).data());
      expect(profile.symbol).toBe(symbol);
      expect(profile.profile.length).toBeGreaterThan(5);
      const strikes = profile.profile.map((row) => Number(row.strike));
      expect(strikes).toEqual([...strikes].sort((a, b) => a - b));
      expect(profile.curve.length).toBeGreaterThan(5);
    }
    expect(await historyIds(db)).toEqual([t0.toISOString()]);
    const row = HistoryRow.parse((await db.doc(`history/${t0.toISOString()}`).get()).data());
    const days = (row.expire_at.toDate().getTime() - t0.getTime()) / 86_400_000;
    expect(days).toBe(7);
    expect(Object.keys(row.symbols).sort()).toEqual(['qqq', 'spy']);
  });

  it('a cold instance reads the day’s open interest from Firestore: one chain call per symbol', async () => {
    // Another trading day than the other tests, so no warm instance holds its open interest yet.
    const day = '2025-05-15T14:30:00Z';
    await sim.reset(day);
    expect(await triggerPulse(t0)).toBe(200);
    expect((await db.collection('marketCache').listDocuments()).length).toBeGreaterThanOrEqual(2);
    await sim.reset(day); // counters back to zero, same market
    // A fresh adapter (empty in-memory caches), as on a cold instance.
    const outcome = await runPulse(inProcessPulseDeps(db), { scheduleTime: minute(t0, 1).toISOString() });
    expect(outcome).toMatchObject({ status: 'written', stale: false });
    const { requests } = await sim.stats();
    expect(requests['GET /v2/options/contracts'] ?? 0).toBe(0);
    expect(requests['GET /v2/calendar'] ?? 0).toBe(0);
    expect(requests['GET /v1beta1/options/snapshots/SPY']).toBe(1);
    expect(requests['GET /v1beta1/options/snapshots/QQQ']).toBe(1);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { MarketRegimeDocument, symbolRegimeOf } from '../../../functions/src/contract/regime';
import { adminDb, clearFirestore, getHealth, historyIds, minute, sim, triggerPulse } from './harness';

/**
 * Faults injected into the simulator. Its default clock is live and always in a session (on a
 * weekend it starts at the next open), so `health` judges these documents in market hours.
 */
describe('pulse under Alpaca failures', () => {
  const db = adminDb();
  const t0 = minute(new Date(), 0);
  const readRegime = async () =>
    MarketRegimeDocument.parse((await db.doc('systemStatus/market_regime').get()).data());

  beforeEach(async () => {
    await clearFirestore();
    await sim.reset();
  });

  it('health is 200 after a good pulse and 503 when there is no document', async () => {
    expect((await getHealth()).status).toBe(503);
    expect(await triggerPulse(t0)).toBe(200);
    const health = await getHealth();
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, market_hours: true, last_pulse_time: t0.toISOString() });
    expect(health.body.symbols).toMatchObject({ spy: { stale: false }, qqq: { stale: false } });
  });

  it('a failing symbol keeps its last good numbers, marked stale; the other is still written', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    const before = symbolRegimeOf(await readRegime(), 'qqq')!;
    await sim.setFaults([{ kind: 'status', status: 503, endpoint: '/v1beta1/options/snapshots/QQQ' }]);
    const t1 = minute(t0, 1);
    expect(await triggerPulse(t1)).toBe(200);

    const doc = await readRegime();
    const qqq = symbolRegimeOf(doc, 'qqq')!;
    expect(qqq.stale).toBe(true);
    expect(qqq.error).toMatch(/503|server/i);
    expect(qqq.last_success_at).toBe(t0.toISOString());
    expect(qqq.last_attempt_at).toBe(t1.toISOString());
    expect(qqq.net_gex).toBe(before.net_gex);
    expect(qqq.spot_price).toBe(before.spot_price);
    const spy = symbolRegimeOf(doc, 'spy')!;
    expect(spy).toMatchObject({ stale: false, error: null, last_success_at: t1.toISOString() });
    expect(doc.stale).toBe(false);
    expect(await historyIds(db)).toEqual([t0.toISOString(), t1.toISOString()]);

    const health = await getHealth();
    expect(health.status).toBe(503);
    expect(health.body.problems).toEqual([expect.stringMatching(/^qqq is stale/)]);
  });

  it('a 401 on one chain shows error_kind "auth" on that symbol; the request id stays out', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    await sim.setFaults([{ kind: 'status', status: 401, endpoint: '/v1beta1/options/snapshots/SPY' }]);
    expect(await triggerPulse(minute(t0, 1))).toBe(200);

    const raw = (await db.doc('systemStatus/market_regime').get()).data()!;
    const doc = MarketRegimeDocument.parse(raw);
    const spy = symbolRegimeOf(doc, 'spy')!;
    expect(spy).toMatchObject({ stale: true, error_kind: 'auth' });
    expect(spy.error).toMatch(/401/);
    expect(symbolRegimeOf(doc, 'qqq')).toMatchObject({ stale: false, error: null, error_kind: null });
    expect(doc).toMatchObject({ error: null, error_kind: null });
    // The simulator stamps every answer with an X-Request-ID (`sim-…`): logs only, never the document.
    expect(JSON.stringify(raw)).not.toMatch(/sim-[0-9a-f]{8}/);
  });

  it('a total failure marks the document stale and never writes zeros', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    const before = await readRegime();
    await sim.setFaults([{ kind: 'status', status: 500 }]);
    expect(await triggerPulse(minute(t0, 1))).toBe(200);

    const doc = await readRegime();
    expect(doc.stale).toBe(true);
    expect(doc.error).toMatch(/^market clock: /);
    expect(doc.error_kind).toBe('upstream');
    expect(doc.as_of).toBe(before.as_of);
    for (const key of ['spy', 'qqq']) {
      const map = symbolRegimeOf(doc, key)!;
      expect(map.stale).toBe(true);
      expect(map.net_gex).toBe(symbolRegimeOf(before, key)!.net_gex);
      expect(map.net_gex).not.toBe('0.00');
    }
    expect((await getHealth()).status).toBe(503);
  });

  it('a first pulse whose symbol fails lists it as missing rather than writing zeros', async () => {
    await sim.setFaults([{ kind: 'empty_chain', symbol: 'QQQ' }]);
    expect(await triggerPulse(t0)).toBe(200);
    const raw = (await db.doc('systemStatus/market_regime').get()).data()!;
    expect(raw.qqq).toBeUndefined();
    const doc = MarketRegimeDocument.parse(raw);
    expect(doc.symbols).toEqual(['spy']);
    expect(doc.missing_symbols.qqq).toMatch(/empty/i);
  });

  it('without SPY numbers the market bias is Neutral, not another symbol’s', async () => {
    await sim.setFaults([{ kind: 'empty_chain', symbol: 'SPY' }]);
    expect(await triggerPulse(t0)).toBe(200);
    const doc = await readRegime();
    expect(doc.symbols).toEqual(['qqq']);
    expect(doc.missing_symbols.spy).toMatch(/empty/i);
    // QQQ has a sign of its own, which must not stand in for SPY's.
    expect(symbolRegimeOf(doc, 'qqq')!.volatility_bias).not.toBe('Neutral');
    expect(doc.market_volatility_bias).toBe('Neutral');
  });

  it('one response with no usable open interest is not kept for the day: the next pulse recovers', async () => {
    await sim.reset('2025-05-19T14:30:00Z'); // a Monday session; the fault hits the daily contract lists
    await sim.setFaults([{ kind: 'bad_open_interest', symbol: 'SPY', value: 'abc' }]);
    expect(await triggerPulse(t0)).toBe(200);
    const failed = await readRegime();
    expect(failed.missing_symbols.spy).toMatch(/open interest/);
    expect(symbolRegimeOf(failed, 'qqq')).toMatchObject({ stale: false });

    await sim.setFaults([]);
    await sim.setClock('2025-05-19T14:31:00Z');
    expect(await triggerPulse(minute(t0, 1))).toBe(200);
    const recovered = await readRegime();
    expect(symbolRegimeOf(recovered, 'spy')).toMatchObject({ stale: false, error: null, error_kind: null });
    expect(recovered.missing_symbols).toEqual({});
  });
});

import { Timestamp } from 'firebase-admin/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { MarketRegimeDocument } from '../../../functions/src/contract/regime';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import {
  adminDb,
  clearFirestore,
  getHealth,
  historyIds,
  inProcessPulseDeps,
  minute,
  sim,
  triggerPulse,
} from './harness';

describe('pulse lease (Firestore transaction)', () => {
  const db = adminDb();
  const t0 = minute(new Date(), 0);

  beforeEach(async () => {
    await clearFirestore();
    await sim.reset();
  });

  it('two overlapping pulses write once', async () => {
    // The Functions emulator runs one invocation at a time, so the overlapping run is a second
    // pulse in this process, wired like the deployed one, racing the emulator's through Firestore.
    await sim.setLatency(300); // a slow minute: every Alpaca request takes 300 ms
    const [status, local] = await Promise.all([
      triggerPulse(t0),
      runPulse(inProcessPulseDeps(db), { scheduleTime: minute(t0, 1).toISOString() }),
    ]);
    expect(status).toBe(200);
    const ids = await historyIds(db);
    expect(ids).toHaveLength(1);
    // Whichever run lost the race found the lease held and wrote nothing.
    if (local.status === 'written') expect(ids).toEqual([minute(t0, 1).toISOString()]);
    else expect(local).toMatchObject({ status: 'skipped', reason: 'held' });
  });

  it('a retry of a minute that already wrote does not write again', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    const first = (await db.doc('systemStatus/market_regime').get()).updateTime!;
    expect(await triggerPulse(t0)).toBe(200);
    expect((await db.doc('systemStatus/market_regime').get()).updateTime!.isEqual(first)).toBe(true);
    expect(await historyIds(db)).toEqual([t0.toISOString()]);
  });

  it('a pulse finding the lease held by a live run writes nothing', async () => {
    await db.doc('serverState/pulse_lease').set({
      holder: 'another-run',
      pulse_time: t0.toISOString(),
      expires_at: Timestamp.fromMillis(Date.now() + 60_000),
    });
    expect(await triggerPulse(t0)).toBe(200);
    expect((await db.doc('systemStatus/market_regime').get()).exists).toBe(false);
    expect((await sim.stats()).total).toBe(0);
  });

  it('the expired lease of a crashed pulse does not block the next one', async () => {
    await db.doc('serverState/pulse_lease').set({
      holder: 'crashed-run',
      pulse_time: minute(t0, -1).toISOString(),
      expires_at: Timestamp.fromMillis(Date.now() - 1_000),
    });
    expect(await triggerPulse(t0)).toBe(200);
    expect(await historyIds(db)).toEqual([t0.toISOString()]);
    const lease = (await db.doc('serverState/pulse_lease').get()).data()!;
    expect(lease).toMatchObject({ holder: null, last_written_pulse_time: t0.toISOString() });
  });
});

describe('market-closed cadence', () => {
  const db = adminDb();
  /** Saturday: the simulator's clock says closed. */
  const CLOSED = '2025-05-17T15:00:00Z';
  const t0 = minute(new Date(), 0);

  beforeEach(async () => {
    await clearFirestore();
    await sim.reset(CLOSED);
  });

  it('computes once, then only every 15 minutes, saying market_open: false', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    const doc = MarketRegimeDocument.parse((await db.doc('systemStatus/market_regime').get()).data());
    expect(doc.market_open).toBe(false);
    expect(Date.parse(doc.next_open!)).toBe(Date.parse('2025-05-19T13:30:00Z'));

    await sim.reset(CLOSED);
    expect(await triggerPulse(minute(t0, 5))).toBe(200);
    const quiet = await sim.stats();
    expect(quiet.total).toBe(1); // the clock only
    expect(await historyIds(db)).toEqual([t0.toISOString()]);

    expect(await triggerPulse(minute(t0, 15))).toBe(200);
    expect(await historyIds(db)).toEqual([t0.toISOString(), minute(t0, 15).toISOString()]);
  });

  it('health stays 200 outside market hours', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    const health = await getHealth();
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ market_open: false });
  });
});

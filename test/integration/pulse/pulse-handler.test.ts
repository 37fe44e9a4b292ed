import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarketRegimeDocument } from '../../../functions/src/contract/regime';
import { SIMULATOR_KEYS } from '../../../scripts/lib/dev-env';
import { adminDb, clearFirestore, historyIds, minute, sim, simulatorUrl } from './harness';

/**
 * The exported `pulse` trigger itself, called through `.run()` in this process as a `pulse`
 * instance loads it (FUNCTION_TARGET=pulse: the other triggers are not defined): params and
 * secrets come from the environment exactly as Cloud Functions provides them, Firestore is the
 * emulator, Alpaca the simulator.
 */
describe('pulse.run() (index.ts wiring, params from the environment)', () => {
  const db = adminDb();
  const t0 = minute(new Date(), 0);
  let triggers: typeof import('../../../functions/src/index');

  beforeAll(async () => {
    Object.assign(process.env, {
      ...SIMULATOR_KEYS,
      PULSE_SYMBOLS: 'spy',
      ALPACA_FEED: 'indicative',
      APCA_API_BASE_URL: simulatorUrl(),
      APCA_API_DATA_URL: `${simulatorUrl()}/`,
      PULSE_CLOSED_CADENCE_MINUTES: '15',
      PULSE_STRIKE_BAND_PCT: '5',
      PULSE_HISTORY_RETENTION_DAYS: '2',
      HEALTH_MAX_AGE_SECONDS: '180',
      FUNCTION_TARGET: 'pulse',
    });
    triggers = await import('../../../functions/src/index');
  });

  afterAll(() => {
    delete process.env.FUNCTION_TARGET;
  });

  beforeEach(async () => {
    await clearFirestore();
    await sim.reset('2025-05-16T14:30:00Z');
  });

  it('defines the pulse alone in a pulse instance', () => {
    const defined = Object.entries(triggers).filter(([, trigger]) => trigger !== undefined);
    expect(defined.map(([name]) => name)).toEqual(['pulse']);
  });

  it('computes the configured symbols only and honours the retention param', async () => {
    const { pulse } = triggers;
    if (!pulse) throw new Error('pulse is not defined in a pulse instance');
    await pulse.run({ scheduleTime: t0.toISOString() });
    const doc = MarketRegimeDocument.parse((await db.doc('systemStatus/market_regime').get()).data());
    expect(doc.symbols).toEqual(['spy']);
    expect(doc.stale).toBe(false);
    expect(await historyIds(db)).toEqual([t0.toISOString()]);
    const row = (await db.doc(`history/${t0.toISOString()}`).get()).get('expire_at') as {
      toMillis(): number;
    };
    expect(row.toMillis() - t0.getTime()).toBe(2 * 86_400_000);
    expect((await sim.stats()).requests['GET /v1beta1/options/snapshots/QQQ']).toBeUndefined();
  });
});

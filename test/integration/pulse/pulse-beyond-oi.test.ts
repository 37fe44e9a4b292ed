import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarketRegimeDocument, symbolRegimeOf } from '../../../functions/src/contract/regime';
import { RegimeEventDocument } from '../../../functions/src/contract/regime-event';
import { createWebhookNotifier } from '../../../functions/src/notify/webhook-notifier';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { firestoreDocumentSize } from '../../../functions/src/store/document-size';
import {
  adminDb,
  clearFirestore,
  inProcessPulseDeps,
  minute,
  sim,
  simulatorUrl,
  triggerPulse,
} from './harness';

const db = adminDb();

async function regime() {
  const snap = await db.doc('systemStatus/market_regime').get();
  return MarketRegimeDocument.parse(snap.data());
}

describe('pulse: volume GEX and exposures (Functions + Firestore emulators, Alpaca simulator)', () => {
  beforeEach(async () => {
    await clearFirestore();
  });

  it('volume GEX grows and drifts away from OI GEX as the simulated day goes on', async () => {
    const t0 = minute(new Date(), 0);
    await sim.reset('2025-05-16T14:00:00Z'); // 10:00 New York
    expect(await triggerPulse(t0)).toBe(200);
    const early = symbolRegimeOf(await regime(), 'spy')!;
    await sim.setClock('2025-05-16T19:30:00Z'); // 15:30 New York, same OI
    expect(await triggerPulse(minute(t0, 1))).toBe(200);
    const doc = await regime();
    const late = symbolRegimeOf(doc, 'spy')!;
    const gross = (m: typeof early) => Number(m.total_call_gex_vol) - Number(m.total_put_gex_vol);
    expect(gross(early)).toBeGreaterThan(0);
    expect(gross(late)).toBeGreaterThan(2 * gross(early));
    // Open interest is the day's; the volume-to-OI ratio is not: volume has piled up since 10:00.
    const ratio = (m: typeof early) => gross(m) / Number(m.total_gex_dollar);
    expect(ratio(late)).toBeGreaterThan(1.5 * ratio(early));
    expect(late.quality.volume_missing).toBe(0);
    expect(late.majors?.volume.positive).not.toBeNull();
    expect(late.delta_exposure).toMatch(/^-?\d+\.\d{2}$/);
    expect(late.net_gex_change?.m1).toBe(
      (Number(late.net_gex) - Number(early.net_gex)).toFixed(2).replace(/^-0\.00$/, '0.00'),
    );
    const size = firestoreDocumentSize(
      'systemStatus/market_regime',
      (await db.doc('systemStatus/market_regime').get()).data()!,
    );
    expect(size).toBeLessThan(16 * 1024);
    const profile = (await db.doc('gexProfiles/SPY').get()).data()!;
    expect(
      (profile.profile as { net_gex_vol?: string }[]).every((row) => typeof row.net_gex_vol === 'string'),
    ).toBe(true);
  });
});

/** A CBOE file re-stamped with another `Last:` spot, to walk the replayed spot across zero gamma. */
function withSpot(csv: string, spot: string): string {
  return csv.replace(/Last: [\d.]+/, `Last: ${spot}`);
}

describe('pulse: regime events on a spot walk across zero gamma', () => {
  const csv = readFileSync('test/fixtures/cboe/spy_quotedata_2025-05-16_1923ET.csv', 'utf8');
  const posts: unknown[] = [];
  let hook: Server;
  let hookUrl = '';

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        posts.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    await new Promise((resolve) => hook.close(resolve));
    await sim.reset();
  });

  it('writes exactly one event per crossing and posts each once, noise inside the band fires nothing', async () => {
    await clearFirestore();
    await sim.reset();
    const deps = { ...inProcessPulseDeps(db), notifier: createWebhookNotifier({ url: hookUrl }) };
    // The file's zero gamma is ~590.0; its band is ±0.1% (±0.59).
    const walk = ['593.00', '587.00', '589.70', '587.50', '593.50', '590.30', '592.80'];
    const sides: (string | null | undefined)[] = [];
    const t0 = minute(new Date(), 0);
    for (const [i, spot] of walk.entries()) {
      const response = await fetch(`${simulatorUrl()}/_sim/replay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ csv: withSpot(csv, spot) }),
      });
      expect(response.ok).toBe(true);
      // The replay is after the close: pulses 15 minutes apart meet the closed-market cadence.
      const outcome = await runPulse(deps, { scheduleTime: minute(t0, 15 * i).toISOString() });
      expect(outcome).toMatchObject({ status: 'written' });
      const spy = symbolRegimeOf(await regime(), 'spy')!;
      expect(spy.spot_price).toBe(spot);
      sides.push(spy.event_state?.spot_side);
    }
    // 593 above; 587 below (cross); 589.7 inside the band; 587.5 below; 593.5 above (cross);
    // 590.3 inside the band; 592.8 above.
    expect(sides).toEqual(['above', 'below', 'below', 'below', 'above', 'above', 'above']);
    const events = (await db.collection('regimeEvents').get()).docs.map((d) =>
      RegimeEventDocument.parse(d.data()),
    );
    const spyEvents = events
      .filter((e) => e.symbol === 'spy')
      .sort((a, b) => a.pulse_time.localeCompare(b.pulse_time));
    expect(spyEvents.map((e) => [e.kind, e.before, e.after])).toEqual([
      ['zero_gamma_cross', 'above', 'below'],
      ['zero_gamma_cross', 'below', 'above'],
    ]);
    expect(spyEvents.every((e) => e.notify === 'sent')).toBe(true);
    expect(posts.filter((p) => JSON.stringify(p).includes('SPY spot crossed zero gamma'))).toHaveLength(2);
    // A retried pulse (same schedule time) is superseded and posts nothing new.
    const retry = await runPulse(deps, { scheduleTime: minute(t0, 15 * (walk.length - 1)).toISOString() });
    expect(retry).toMatchObject({ status: 'skipped', reason: 'superseded' });
    expect(posts.filter((p) => JSON.stringify(p).includes('SPY spot'))).toHaveLength(2);
  });
});

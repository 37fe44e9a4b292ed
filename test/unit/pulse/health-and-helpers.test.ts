import { describe, expect, it } from 'vitest';
import { parseSymbols } from '../../../functions/src/pulse/pulse-config';
import { MarketRegimeDocument } from '../../../functions/src/contract/regime';
import { assessHealth } from '../../../functions/src/health/assess-health';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { toFirestoreData } from '../../../functions/src/store/firestore-safe';
import { gexResult, testDeps } from './fakes';

const T0 = '2025-05-16T14:30:00.000Z';
const results = {
  SPY: gexResult({ netGex: '7650000.00', spot: '450.25', asOf: T0 }),
  QQQ: gexResult({ netGex: '100.00', spot: '520.10', asOf: T0 }),
};

async function storedDoc(failQqq = false): Promise<MarketRegimeDocument> {
  const { deps, store, market, setNow } = testDeps({ results });
  await runPulse(deps, { scheduleTime: T0 });
  if (failQqq) {
    market.failing.set('QQQ', 'server_error: 503');
    setNow('2025-05-16T14:31:05.000Z');
    await runPulse(deps, { scheduleTime: '2025-05-16T14:31:00.000Z' });
  }
  return store.regime!;
}

describe('assessHealth', () => {
  it('is 200 with every symbol fresh', async () => {
    const report = assessHealth(await storedDoc(), {
      now: new Date('2025-05-16T14:31:00Z'),
      maxAgeSeconds: 180,
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ ok: true, market_hours: true, age_seconds: 55, last_pulse_time: T0 });
    expect(report.body.symbols.spy).toEqual({ stale: false, error: null, last_success_at: T0, as_of: T0 });
  });

  it('is 503 when a symbol is stale during market hours, naming it', async () => {
    const report = assessHealth(await storedDoc(true), {
      now: new Date('2025-05-16T14:32:00Z'),
      maxAgeSeconds: 180,
    });
    expect(report.status).toBe(503);
    expect(report.body.problems).toEqual(['qqq is stale: server_error: 503']);
  });

  it('is 503 when the document is too old during market hours, 200 after the close', async () => {
    const doc = await storedDoc();
    expect(assessHealth(doc, { now: new Date('2025-05-16T14:40:00Z'), maxAgeSeconds: 180 }).status).toBe(503);
    const evening = assessHealth(doc, { now: new Date('2025-05-16T22:00:00Z'), maxAgeSeconds: 180 });
    expect(evening.status).toBe(200);
    expect(evening.body).toMatchObject({ ok: false, market_hours: false });
  });

  it('treats a closed document past next_open as market hours', async () => {
    const doc = {
      ...(await storedDoc()),
      market_open: false,
      next_open: '2025-05-19T13:30:00.000Z',
      next_close: '2025-05-19T20:00:00.000Z',
    };
    expect(assessHealth(doc, { now: new Date('2025-05-17T15:00:00Z'), maxAgeSeconds: 180 }).status).toBe(200);
    expect(assessHealth(doc, { now: new Date('2025-05-19T14:00:00Z'), maxAgeSeconds: 180 }).status).toBe(503);
  });

  it('is 503 again when the next session begins and the pulses that stopped have not written since', async () => {
    // Written Friday 14:30 (open; next_close Friday 20:00, next_open Monday 13:30), then nothing.
    const doc = await storedDoc();
    expect(assessHealth(doc, { now: new Date('2025-05-17T15:00:00Z'), maxAgeSeconds: 180 }).status).toBe(200);
    const monday = assessHealth(doc, { now: new Date('2025-05-19T14:00:00Z'), maxAgeSeconds: 180 });
    expect(monday.status).toBe(503);
    expect(monday.body).toMatchObject({ market_hours: true, ok: false });
    const closed = { ...doc, market_open: false };
    // A closed document that missed its whole next session (Monday) is out of date too.
    expect(assessHealth(closed, { now: new Date('2025-05-20T23:00:00Z'), maxAgeSeconds: 180 }).status).toBe(
      503,
    );
  });

  it('gives the first pulse of a session maxAgeSeconds from the open before calling a closed document old', async () => {
    const weekend = await weekendDoc();
    const justOpened = assessHealth(weekend, { now: new Date('2025-05-19T13:31:00Z'), maxAgeSeconds: 180 });
    expect(justOpened.status).toBe(200);
    expect(justOpened.body).toMatchObject({ ok: true, market_hours: true });
    const late = assessHealth(weekend, { now: new Date('2025-05-19T13:33:30Z'), maxAgeSeconds: 180 });
    expect(late.status).toBe(503);
    expect(late.body.problems).toEqual([`regime is ${late.body.age_seconds}s old`]);
  });

  it('allows a closed document the closed-market cadence before calling it old', async () => {
    const weekend = await weekendDoc();
    const options = { maxAgeSeconds: 180, closedCadenceMinutes: 15 };
    const between = assessHealth(weekend, { ...options, now: new Date('2025-05-17T15:14:00Z') });
    expect(between).toMatchObject({ status: 200, body: { ok: true, problems: [] } });
    const missed = assessHealth(weekend, { ...options, now: new Date('2025-05-17T15:19:00Z') });
    expect(missed).toMatchObject({ status: 200, body: { ok: false, market_hours: false } });
    expect(missed.body.problems).toEqual(['regime is 1135s old']);
    // Once the session has begun the cadence no longer applies: the open pulse is due.
    const monday = assessHealth(weekend, { ...options, now: new Date('2025-05-19T13:33:30Z') });
    expect(monday.status).toBe(503);
  });

  it('treats an unreadable last_updated as a problem, not as fresh', async () => {
    const doc = { ...(await storedDoc()), last_updated: 'yesterday' };
    const report = assessHealth(doc, { now: new Date('2025-05-16T14:31:00Z'), maxAgeSeconds: 180 });
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({ age_seconds: null, problems: ['last_updated is not a time'] });
  });

  it('is 503 with no document', () => {
    expect(assessHealth(null, { now: new Date(), maxAgeSeconds: 180 })).toMatchObject({
      status: 503,
      body: { problems: ['no regime document'] },
    });
  });
});

/** A document written on Saturday's closed-market pulse; the next session opens Monday 09:30 ET. */
async function weekendDoc() {
  return {
    ...(await storedDoc()),
    market_open: false,
    last_updated: '2025-05-17T15:00:05.000Z',
    next_open: '2025-05-19T13:30:00.000Z',
    next_close: '2025-05-19T20:00:00.000Z',
  };
}

describe('toFirestoreData', () => {
  it('drops undefined keys and keeps nested values', () => {
    expect(
      toFirestoreData({ a: 1, b: undefined, c: { d: undefined, e: 'x' }, f: [1, { g: undefined }] }),
    ).toEqual({
      a: 1,
      c: { e: 'x' },
      f: [1, {}],
    });
  });

  it('refuses NaN, Infinity and undefined array elements, naming the path', () => {
    expect(() => toFirestoreData({ curve: [{ spot: Number.NaN }] })).toThrow('$.curve[0].spot');
    expect(() => toFirestoreData({ x: Infinity })).toThrow('non-finite number at $.x');
    expect(() => toFirestoreData({ list: [undefined] })).toThrow('$.list[0]');
  });
});

describe('parseSymbols', () => {
  it('trims, upper-cases and de-duplicates in order', () => {
    expect(parseSymbols(' spy, QQQ ,SPY,,iwm')).toEqual(['SPY', 'QQQ', 'IWM']);
  });
  it('rejects an empty list and bad tickers', () => {
    expect(() => parseSymbols(' , ')).toThrow('empty');
    expect(() => parseSymbols('SPY,QQQ/1')).toThrow('QQQ/1');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cboeChainInput } from '../../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { buildPulseWrites } from '../../../functions/src/pulse/build-writes';
import { firestoreDocumentSize } from '../../../functions/src/store/document-size';

/** Firestore's limit is 1 MiB; the regime document every client subscribes to must stay small. */
const BUDGET_BYTES = 16 * 1024;

const load = (file: string) =>
  computeGex(
    cboeChainInput(
      parseCboeCsv(readFileSync(new URL(`../../fixtures/cboe/${file}`, import.meta.url), 'utf8')),
      {
        expiries: 'all',
      },
    ),
  );

describe('regime document size', () => {
  // The full SPX file is a few seconds' work on a loaded 2-core machine.
  it(
    'two full symbols with every new figure, changes and event state stay under 16 KB',
    { timeout: 60_000 },
    () => {
      // The largest real chain we have, every expiry (so by_expiry.other is there too), twice.
      const spx = load('spx_quotedata_2023-09-14_1631ET.csv');
      const spy = spx;
      const pulseTime = '2023-09-14T20:31:00.000Z';
      const base = {
        symbols: ['SPY', 'SPX'],
        clock: { isOpen: true, timestamp: pulseTime, nextOpen: null, nextClose: null },
        pulseTime,
        writtenAt: pulseTime,
        apiCalls: 4,
        durationMs: 120,
        pulseError: null,
        pulseErrorKind: null,
        marketDataSource: {
          provider: 'alpaca' as const,
          feed: 'indicative' as const,
          credentials: 'pulse_key' as const,
        },
        historyRetentionDays: 7,
        outcomes: { SPY: { ok: true as const, result: spy }, SPX: { ok: true as const, result: spx } },
      };
      const first = buildPulseWrites({ ...base, previous: null });
      // A minute later, with history 1, 5 and 15 minutes back so every change is filled in.
      const rows = [1, 5, 15].map((m) => ({
        pulse_time: new Date(Date.parse(pulseTime) - m * 60_000).toISOString(),
        symbols: first.history.row.symbols,
      }));
      const writes = buildPulseWrites({ ...base, previous: null, recentHistory: rows });
      const doc = { ...writes.regime.header, ...writes.regime.symbolMaps, timestamp: new Date() };
      const size = firestoreDocumentSize('systemStatus/market_regime', doc);
      expect(writes.regime.symbolMaps.spy?.net_gex_change?.m15).not.toBeNull();
      expect(writes.regime.symbolMaps.spx?.majors?.volume.positive).not.toBeNull();
      expect(size).toBeGreaterThan(2000); // it measured something
      expect(size).toBeLessThan(BUDGET_BYTES);
      // JSON text is a looser upper bound, and under budget too.
      expect(JSON.stringify(doc).length).toBeLessThan(BUDGET_BYTES);
    },
  );

  it('counts bytes the way Firestore documents it', () => {
    // name: 16 + ("a" 1+1) + ("b" 1+1) = 20; fields: "s"(2) + "xy"(3) = 5, "n"(2) + 8 = 10,
    // "m"(2) + { "t"(2) + true 1 } = 5, "l"(2) + [null 1, "z" 2] = 5; + 32 → 20 + 25 + 32 = 77
    expect(firestoreDocumentSize('a/b', { s: 'xy', n: 1.5, m: { t: true }, l: [null, 'z'] })).toBe(77);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  intlOffsetMs as formatterOffsetMs,
  localOffsetMs,
  newYorkInstant,
  newYorkOffsetMs,
  newYorkWallClock,
  processRunsOnNewYorkTime,
} from '../../../functions/src/calendar/new-york-time';

/** The offset straight from Intl's `longOffset` name ("GMT-04:00"), with no caching. */
const zoneName = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  timeZoneName: 'longOffset',
});
function intlOffsetMs(ms: number): number {
  const name = zoneName.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3_600_000 + Number(m[3]) * 60_000) : 0;
}

describe('New York time', () => {
  it('converts wall clock to instants in EST and EDT', () => {
    expect(newYorkInstant('2025-01-06', '16:00')).toBe('2025-01-06T21:00:00.000Z');
    expect(newYorkInstant('2025-07-01', '16:00')).toBe('2025-07-01T20:00:00.000Z');
  });

  it('handles the switch days: spring gap reads the old offset, fall-back takes the first 01:30', () => {
    expect(newYorkInstant('2025-03-09', '03:00')).toBe('2025-03-09T07:00:00.000Z');
    expect(newYorkInstant('2025-03-09', '02:30')).toBe('2025-03-09T07:30:00.000Z');
    expect(newYorkInstant('2025-11-02', '01:30')).toBe('2025-11-02T05:30:00.000Z');
    expect(newYorkInstant('2025-11-02', '02:30')).toBe('2025-11-02T07:30:00.000Z');
  });

  it('reads the wall clock of an instant', () => {
    expect(newYorkWallClock('2025-01-07T01:57:00Z')).toEqual({
      date: '2025-01-06',
      time: '20:57',
      weekday: 1,
    });
    expect(newYorkWallClock('2022-07-09T21:28:00Z').weekday).toBe(6);
  });

  it('caches offsets by day yet matches Intl at every instant, switch days included', () => {
    // Switch instants 2025-03-09 07:00Z and 2025-11-02 06:00Z, ± a few hours, and any instant.
    const switches = [Date.UTC(2025, 2, 9, 7), Date.UTC(2025, 10, 2, 6)];
    const near = fc
      .tuple(fc.constantFrom(...switches), fc.integer({ min: -36_000_000, max: 36_000_000 }))
      .map(([at, delta]) => at + delta);
    const anywhen = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
    fc.assert(
      fc.property(fc.oneof(near, anywhen), (ms) => {
        expect(newYorkOffsetMs(ms)).toBe(intlOffsetMs(ms - (ms % 1000)));
      }),
      { numRuns: 2000 },
    );
  });

  it('on a process running on New York time, reads from local time the offsets Intl gives', () => {
    const before = process.env.TZ;
    try {
      delete process.env.TZ;
      expect(processRunsOnNewYorkTime()).toBe(false);
      process.env.TZ = 'Europe/London';
      expect(processRunsOnNewYorkTime()).toBe(false);
      process.env.TZ = 'America/New_York';
      expect(processRunsOnNewYorkTime()).toBe(true);
      // Every switch from 1970 to 2100, read every 15 minutes for a day either side of it.
      const DAY = 86_400_000;
      let switches = 0;
      for (let day = Date.UTC(1970, 0, 1); day < Date.UTC(2100, 0, 1); day += DAY) {
        if (intlOffsetMs(day + 12 * 3_600_000) === intlOffsetMs(day + DAY + 12 * 3_600_000)) continue;
        switches++;
        for (let ms = day; ms <= day + 2 * DAY; ms += 900_000) {
          expect([ms, localOffsetMs(ms)]).toEqual([ms, formatterOffsetMs(ms)]);
        }
      }
      expect(switches).toBeGreaterThan(250); // two a year, bar 1974-75's year-round DST
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
          const second = ms - (ms % 1000);
          expect(localOffsetMs(second)).toBe(formatterOffsetMs(second));
          expect(formatterOffsetMs(second)).toBe(intlOffsetMs(second));
        }),
        { numRuns: 2000 },
      );
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    expect(processRunsOnNewYorkTime()).toBe(before === 'America/New_York');
  });

  it('rejects malformed input', () => {
    expect(() => newYorkInstant('2025-01-06', '4pm')).toThrow(RangeError);
    expect(() => newYorkWallClock('nope')).toThrow(RangeError);
  });
});

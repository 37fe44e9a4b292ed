import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../../simulator/clock';
import { SessionCalendar, formatNewYork } from '../../../simulator/market/sessions';

const calendar = new SessionCalendar();
const HOUR = 3_600_000;

function liveClockAt(realStart: string): { clock: SimClock; advance: (ms: number) => void } {
  let real = Date.parse(realStart);
  const clock = new SimClock(calendar, null, () => real);
  return { clock, advance: (ms) => (real += ms) };
}

describe('SimClock (live)', () => {
  it('uses the real instant when the market is open', () => {
    const { clock } = liveClockAt('2025-05-16T15:00:00Z');
    expect(new Date(clock.nowMs()).toISOString()).toBe('2025-05-16T15:00:00.000Z');
  });

  it('starts a weekend at the next open and skips closed hours 1:1', () => {
    const { clock, advance } = liveClockAt('2025-05-17T18:00:00Z'); // Saturday
    expect(formatNewYork(clock.nowMs())).toBe('2025-05-19T09:30:00.000-04:00');
    advance(7 * HOUR); // 6.5 h of Monday, then half an hour of Tuesday
    expect(formatNewYork(clock.nowMs())).toBe('2025-05-20T10:00:00.000-04:00');
  });

  it('honours early closes and holidays when skipping', () => {
    const { clock, advance } = liveClockAt('2025-11-28T14:30:00Z'); // Black Friday 09:30, closes 13:00
    advance(4 * HOUR); // 3.5 h Friday, weekend skipped, 0.5 h Monday
    expect(formatNewYork(clock.nowMs())).toBe('2025-12-01T10:00:00.000-05:00');
  });

  it('is always inside a session and never runs backwards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2026-12-01') }),
        fc.array(fc.integer({ min: 0, max: 30 * HOUR }), { maxLength: 20 }),
        (start, steps) => {
          const { clock, advance } = liveClockAt(new Date(start).toISOString());
          let previous = clock.nowMs();
          for (const step of steps) {
            advance(step);
            const now = clock.nowMs();
            expect(now).toBeGreaterThanOrEqual(previous);
            expect(calendar.containing(now)).toBeDefined();
            previous = now;
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fixes and unfixes; rejects a bad instant', () => {
    const { clock } = liveClockAt('2025-05-16T15:00:00Z');
    clock.set('2025-05-17T16:00:00Z');
    expect(clock.mode).toBe('fixed');
    expect(clock.nowMs()).toBe(Date.parse('2025-05-17T16:00:00Z'));
    expect(() => clock.set('soon')).toThrow(RangeError);
    clock.set(null);
    expect(clock.mode).toBe('live');
  });
});

describe('formatNewYork', () => {
  it('prints the New York offset for summer and winter', () => {
    expect(formatNewYork(Date.parse('2025-07-01T13:30:00Z'))).toBe('2025-07-01T09:30:00.000-04:00');
    expect(formatNewYork(Date.parse('2025-01-02T14:30:05.123Z'))).toBe('2025-01-02T09:30:05.123-05:00');
  });
});

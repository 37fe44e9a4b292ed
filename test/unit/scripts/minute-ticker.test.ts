import { describe, expect, it } from 'vitest';
import { MINUTE_MS, startMinuteTicker, type TickerClock } from '../../../scripts/lib/minute-ticker';

/**
 * A hand-driven clock: `run()` fires each pending timer in turn, moving the clock to its due
 * time plus a jitter chosen by the test (negative = the timer fires early, as real timers may).
 */
function fakeClock(start: number, jitterMs: (tick: number) => number) {
  let now = start;
  let ticks = 0;
  const pending = new Map<number, { fire: () => void; due: number }>();
  let nextId = 0;
  const clock: TickerClock = {
    now: () => now,
    setTimer(fire, delayMs) {
      pending.set(++nextId, { fire, due: now + delayMs });
      return nextId;
    },
    clearTimer: (handle) => void pending.delete(handle as number),
  };
  const run = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const [id, timer] = [...pending.entries()].sort((a, b) => a[1].due - b[1].due)[0] ?? [];
      if (id === undefined || !timer) return;
      pending.delete(id);
      now = Math.max(now, timer.due + jitterMs(ticks++));
      timer.fire();
    }
  };
  return { clock, run, pendingCount: () => pending.size };
}

const START = Date.parse('2026-03-02T14:30:17.250Z');
const firstMinute = Date.parse('2026-03-02T14:31:00.000Z');

function consecutiveMinutes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(firstMinute + i * MINUTE_MS).toISOString());
}

describe('startMinuteTicker', () => {
  it('fires each minute once when every timer fires a millisecond early', () => {
    const fired: string[] = [];
    const { clock, run } = fakeClock(START, () => -1);
    startMinuteTicker((minute) => fired.push(minute.toISOString()), clock);
    run(400);
    expect(fired).toEqual(consecutiveMinutes(400));
  });

  it('fires each minute once under early and late jitter alike', () => {
    const fired: string[] = [];
    // A fixed pattern of early (up to 5 ms) and late (up to 900 ms) wake-ups.
    const jitter = [-1, 0, 3, -5, 900, -2, 40, -1, 1];
    const { clock, run } = fakeClock(START, (tick) => jitter[tick % jitter.length] ?? 0);
    startMinuteTicker((minute) => fired.push(minute.toISOString()), clock);
    run(400);
    expect(fired).toEqual(consecutiveMinutes(400));
  });

  it('after a stall fires the late minute once and resumes at the next minute, no burst', () => {
    const fired: number[] = [];
    const { clock, run } = fakeClock(START, (tick) => (tick === 1 ? 5 * MINUTE_MS + 10_000 : 0));
    startMinuteTicker((minute) => fired.push(minute.getTime()), clock);
    run(4);
    const t = (minutes: number) => firstMinute + minutes * MINUTE_MS;
    expect(fired).toEqual([t(0), t(1), t(7), t(8)]);
  });

  it('stop() cancels the pending tick', () => {
    const fired: Date[] = [];
    const { clock, run, pendingCount } = fakeClock(START, () => 0);
    const ticker = startMinuteTicker((minute) => fired.push(minute), clock);
    run(2);
    ticker.stop();
    expect(pendingCount()).toBe(0);
    run(5);
    expect(fired).toHaveLength(2);
  });
});

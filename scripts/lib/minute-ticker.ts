/**
 * The local stand-in for Cloud Scheduler's "every minute": calls `onMinute` once for each minute,
 * at its top, with that minute as the schedule time. Clock and timers are injected so that the
 * rule "each minute fires once" is tested without waiting.
 */

export const MINUTE_MS = 60_000;

/** What the ticker needs from the outside world (in production: `Date.now`, `setTimeout`, `clearTimeout`). */
export interface TickerClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fire` after about `delayMs`; a timer may fire a little early or late. */
  setTimer(fire: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

/** The process's real clock and timers. */
export const systemClock: TickerClock = {
  now: () => Date.now(),
  setTimer: (fire, delayMs) => setTimeout(fire, delayMs),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Start of the minute after `ms`. */
function nextMinuteAfter(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
}

/**
 * Calls `onMinute(minuteStart)` at the top of every minute after now, each minute exactly once.
 * The minute to fire is planned when its timer is armed, never recomputed from the clock when it
 * fires: a timer that fires a millisecond early still fires its own minute, and the next one is
 * the minute after it. After a long stall (a suspended laptop) the missed minutes are skipped, as
 * Cloud Scheduler would, rather than fired in a burst.
 * @returns `stop()`, which cancels the pending tick.
 */
export function startMinuteTicker(
  onMinute: (minuteStart: Date) => void,
  clock: TickerClock = systemClock,
): { stop(): void } {
  let stopped = false;
  let handle: unknown;
  const arm = (minute: number): void => {
    handle = clock.setTimer(
      () => {
        if (stopped) return;
        arm(Math.max(minute + MINUTE_MS, nextMinuteAfter(clock.now())));
        onMinute(new Date(minute));
      },
      Math.max(0, minute - clock.now()),
    );
  };
  arm(nextMinuteAfter(clock.now()));
  return {
    stop() {
      stopped = true;
      clock.clearTimer(handle);
    },
  };
}

import { SessionCalendar, type Session } from './market/sessions';

/**
 * The simulator's notion of "now".
 * - fixed: frozen at an instant (tests, replays, `--now`).
 * - live: starts at the real instant when the market is open, else at the next session's open,
 *   then advances 1:1 with real time through regular sessions only, skipping closed hours. It is
 *   therefore always inside a session and never runs backwards, so a weekend demo has a market.
 * Live time ignores `holiday` faults (they only change what the clock and calendar report).
 */
export class SimClock {
  private fixedMs: number | null = null;
  private anchor = { realMs: 0, simMs: 0 };

  constructor(
    private readonly calendar: SessionCalendar,
    now: string | null = null,
    private readonly realNow: () => number = Date.now,
  ) {
    this.set(now);
  }

  /** Fixes the clock at `now` (ISO-8601), or returns to the live clock with null. @throws RangeError on a bad instant. */
  set(now: string | null): void {
    if (now === null) {
      this.fixedMs = null;
      const real = this.realNow();
      const open = this.calendar.containing(real, { ignoreClosures: true });
      const next = open ? real : this.firstUpcoming(real).openMs;
      this.anchor = { realMs: real, simMs: next };
      return;
    }
    const ms = Date.parse(now);
    if (!Number.isFinite(ms)) throw new RangeError(`not an ISO-8601 instant: ${now}`);
    this.fixedMs = ms;
  }

  get mode(): 'fixed' | 'live' {
    return this.fixedMs === null ? 'live' : 'fixed';
  }

  /** The current simulated instant, epoch milliseconds. */
  nowMs(): number {
    if (this.fixedMs !== null) return this.fixedMs;
    let remaining = Math.max(0, this.realNow() - this.anchor.realMs);
    let at = this.anchor.simMs;
    for (;;) {
      const session = this.calendar.containing(at, { ignoreClosures: true }) ?? this.firstUpcoming(at);
      const start = Math.max(at, session.openMs);
      const left = session.closeMs - start;
      if (remaining < left) return start + remaining;
      remaining -= left;
      at = session.closeMs;
    }
  }

  private firstUpcoming(ms: number): Session {
    const [session] = this.calendar.upcoming(ms + 1, 1, { ignoreClosures: true });
    if (!session) throw new Error('no upcoming session in the calendar');
    return session;
  }
}

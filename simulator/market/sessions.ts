import { addDays, newYorkOffsetMs, newYorkWallClock } from '../../functions/src/calendar/new-york-time';
import { nyseSessions } from '../../offline/calendar/nyse-sessions';
import type { TradingSession } from '../../functions/src/calendar/types';

/** A session with its instants as epoch milliseconds, for fast comparisons. */
export interface Session extends TradingSession {
  openMs: number;
  closeMs: number;
}

/**
 * The NYSE calendar as the simulator serves it: the project's rule-based sessions, minus any
 * dates a `holiday` fault closes. Years are built once and cached.
 */
export class SessionCalendar {
  private readonly years = new Map<number, Session[]>();

  /** @param closedDates extra closed dates (`YYYY-MM-DD`), read on every call so faults apply at once. */
  constructor(private readonly closedDates: () => ReadonlySet<string> = () => new Set()) {}

  /** Sessions from `fromDate` to `toDate` inclusive (New York dates). */
  between(fromDate: string, toDate: string, options: { ignoreClosures?: boolean } = {}): Session[] {
    const closed = options.ignoreClosures ? new Set<string>() : this.closedDates();
    const out: Session[] = [];
    for (let year = Number(fromDate.slice(0, 4)); year <= Number(toDate.slice(0, 4)); year++) {
      for (const session of this.year(year)) {
        if (session.date >= fromDate && session.date <= toDate && !closed.has(session.date))
          out.push(session);
      }
    }
    return out;
  }

  /** The session whose regular hours contain `ms`, if any. */
  containing(ms: number, options: { ignoreClosures?: boolean } = {}): Session | undefined {
    const date = newYorkDate(ms);
    return this.between(date, date, options).find((s) => s.openMs <= ms && ms < s.closeMs);
  }

  /** The first `count` sessions whose close is after `ms` (the current or upcoming ones). */
  upcoming(ms: number, count: number, options: { ignoreClosures?: boolean } = {}): Session[] {
    const out: Session[] = [];
    for (let from = newYorkDate(ms); out.length < count; from = addDays(from, 31)) {
      const batch = this.between(from, addDays(from, 30), options).filter((s) => s.closeMs > ms);
      out.push(...batch.slice(0, count - out.length));
    }
    return out;
  }

  /** The last `count` sessions whose open is at or before `ms`, oldest first. */
  recent(ms: number, count: number): Session[] {
    const out: Session[] = [];
    for (let to = newYorkDate(ms); out.length < count; to = addDays(to, -31)) {
      const batch = this.between(addDays(to, -30), to).filter((s) => s.openMs <= ms);
      out.unshift(...batch.slice(Math.max(0, batch.length - (count - out.length))));
    }
    return out;
  }

  private year(year: number): Session[] {
    let sessions = this.years.get(year);
    if (!sessions) {
      sessions = nyseSessions(`${year}-01-01`, `${year}-12-31`).map((s) => ({
        ...s,
        openMs: Date.parse(s.open),
        closeMs: Date.parse(s.close),
      }));
      this.years.set(year, sessions);
    }
    return sessions;
  }
}

/** New York calendar date (`YYYY-MM-DD`) of an instant. */
export function newYorkDate(ms: number): string {
  return newYorkWallClock(ms).date;
}

/** An instant as Alpaca prints clock times: New York wall time with its offset, e.g. `2025-05-16T09:30:00.000-04:00`. */
export function formatNewYork(ms: number): string {
  const offsetMs = newYorkOffsetMs(ms);
  const local = new Date(ms + offsetMs).toISOString().slice(0, 23);
  const minutes = Math.abs(offsetMs) / 60_000;
  const sign = offsetMs < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

import type { TradingSession } from '../../functions/src/calendar/types';
import { addDays, newYorkInstant, weekdayOf } from '../../functions/src/calendar/new-york-time';
import { nyseEarlyCloses, nyseHolidays } from './nyse-holidays';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Longest range one call builds, a guard against a typo such as year 20255. */
const MAX_DAYS = 366 * 30;

/**
 * NYSE regular sessions from `fromDate` to `toDate` inclusive (`YYYY-MM-DD`, New York dates),
 * by rule: weekends and {@link nyseHolidays} are closed; the session opens 09:30 and closes 16:00
 * New York time, or 13:00 on {@link nyseEarlyCloses} days. Instants are ISO-8601 UTC.
 * @throws RangeError on malformed dates or a range longer than 30 years.
 */
export function nyseSessions(fromDate: string, toDate: string): TradingSession[] {
  if (!DATE_RE.test(fromDate) || !DATE_RE.test(toDate)) {
    throw new RangeError(`expected YYYY-MM-DD dates, got ${fromDate} and ${toDate}`);
  }
  const span = (Date.parse(toDate) - Date.parse(fromDate)) / 86_400_000;
  if (span > MAX_DAYS) throw new RangeError(`session range too long: ${fromDate} to ${toDate}`);
  const sessions: TradingSession[] = [];
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) {
    if (weekdayOf(date) >= 6) continue;
    const { holidays, earlyCloses } = closuresOf(Number(date.slice(0, 4)));
    if (holidays.has(date)) continue;
    const close = earlyCloses.has(date) ? '13:00' : '16:00';
    sessions.push({ date, open: newYorkInstant(date, '09:30'), close: newYorkInstant(date, close) });
  }
  return sessions;
}

/** A year's holidays and early closes. */
interface Closures {
  holidays: ReadonlyMap<string, string>;
  earlyCloses: ReadonlySet<string>;
}

/**
 * Closures by year, worked out once per process: they depend on the year alone, and a chain asks
 * for the session of each of its expiries.
 */
const closuresByYear = new Map<number, Closures>();

function closuresOf(year: number): Closures {
  let closures = closuresByYear.get(year);
  if (closures === undefined) {
    closures = { holidays: nyseHolidays(year), earlyCloses: nyseEarlyCloses(year) };
    closuresByYear.set(year, closures);
  }
  return closures;
}

/**
 * The NYSE session on one New York date, or null when the exchange is closed that day.
 * @throws RangeError on a malformed date.
 */
export function nyseSessionOn(date: string): TradingSession | null {
  return nyseSessions(date, date)[0] ?? null;
}

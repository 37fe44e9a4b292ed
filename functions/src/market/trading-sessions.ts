import { z } from 'zod';
import { addDays, newYorkInstant, newYorkWallClock } from '../calendar/new-york-time';
import type { TradingSession } from '../calendar/types';
import type { AlpacaClient } from './alpaca-client';
import { type DailyCache, readCacheOrMiss, writeCacheBestEffort } from './daily-cache';

/** Days of the calendar fetched around today: enough for the 1DTE session across any holiday run. */
const DAYS_BEFORE = 7;
const DAYS_AFTER = 14;

const HhMm = z.string().regex(/^\d{2}:\d{2}$/);
/** The cached calendar of one New York day (JSON-serializable). */
export const CalendarEntry = z.object({
  /** New York date the entry was fetched for (`YYYY-MM-DD`). */
  day: z.string(),
  start: z.string(),
  end: z.string(),
  days: z.array(z.object({ date: z.string(), open: HhMm, close: HhMm })),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;
export type CalendarCache = DailyCache<CalendarEntry>;

/** Cache key of the calendar fetched on New York date `day`. */
export const calendarCacheKey = (day: string): string => `calendar:${day}`;

/** Alpaca sends `"09:30"`; older payloads `"0930"`. */
const normalizeHhMm = (value: string): string =>
  value.includes(':') ? value : `${value.slice(0, 2)}:${value.slice(2)}`;

/** Converts calendar days (New York wall times) into sessions with ISO-8601 instants. */
export function toTradingSessions(days: CalendarEntry['days']): TradingSession[] {
  return days.map((d) => ({
    date: d.date,
    open: newYorkInstant(d.date, d.open),
    close: newYorkInstant(d.date, d.close),
  }));
}

/**
 * Trading sessions around `asOf` from Alpaca's `/v2/calendar` (holidays and early closes
 * included), fetched at most once per New York day through `cache` (a calendar with fewer than two
 * sessions ahead of `asOf` is not cached).
 * @returns the sessions and whether the calendar came from the cache.
 * @throws AlpacaApiError when the calendar call fails.
 */
export async function loadTradingSessions(input: {
  client: AlpacaClient;
  cache: CalendarCache;
  asOf: string;
  signal?: AbortSignal;
}): Promise<{ sessions: TradingSession[]; cached: boolean }> {
  const day = newYorkWallClock(input.asOf).date;
  const key = calendarCacheKey(day);
  const hit = CalendarEntry.safeParse(await readCacheOrMiss(input.cache, key));
  if (hit.success) return { sessions: toTradingSessions(hit.data.days), cached: true };
  const start = addDays(day, -DAYS_BEFORE);
  const end = addDays(day, DAYS_AFTER);
  const raw = await input.client.getCalendar({ start, end }, input.signal);
  const entry: CalendarEntry = {
    day,
    start,
    end,
    days: raw.map((d) => ({ date: d.date, open: normalizeHhMm(d.open), close: normalizeHhMm(d.close) })),
  };
  const sessions = toTradingSessions(entry.days);
  // A calendar that cannot place the 0DTE and 1DTE sessions is not kept for the day: ask again.
  const ahead = sessions.filter((s) => Date.parse(s.close) > Date.parse(input.asOf)).length;
  if (ahead >= 2) await writeCacheBestEffort(input.cache, key, entry);
  return { sessions, cached: false };
}

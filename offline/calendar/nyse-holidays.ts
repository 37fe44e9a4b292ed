import { addDays, weekdayOf } from '../../functions/src/calendar/new-york-time';

/**
 * NYSE full-day closures and 13:00 early closes for a year, by rule (no table to go stale):
 * New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good Friday, Memorial Day,
 * Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving, Christmas, with NYSE's
 * observed-day shifts (Sunday → Monday, Saturday → Friday, except that New Year's Day on a
 * Saturday is not made up on the Friday before). Unscheduled closures that no rule predicts
 * (national days of mourning, storms) come from a short list of past dates.
 */

/** Closures no rule predicts: days of mourning and weather. */
const UNSCHEDULED_CLOSURES: Readonly<Record<string, string>> = {
  '2012-10-29': 'Hurricane Sandy',
  '2012-10-30': 'Hurricane Sandy',
  '2018-12-05': 'Day of mourning (George H. W. Bush)',
  '2025-01-09': 'Day of mourning (Jimmy Carter)',
};

function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The `n`-th (1-based) ISO `weekday` of a month; `n = -1` for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = ymd(year, month, 1);
    return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = addDays(ymd(month === 12 ? year + 1 : year, (month % 12) + 1, 1), -1);
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}

/** Easter Sunday (Gregorian; anonymous algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** A fixed-date holiday moved off the weekend the NYSE way. */
function observed(date: string): string {
  const weekday = weekdayOf(date);
  if (weekday === 7) return addDays(date, 1);
  if (weekday === 6) return addDays(date, -1);
  return date;
}

/**
 * Full-day NYSE closures of a calendar year, `YYYY-MM-DD` → holiday name.
 * (A New Year's Day that falls on a Saturday closes nothing.)
 */
export function nyseHolidays(year: number): Map<string, string> {
  const days: [string, string][] = [
    [nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [addDays(easterSunday(year), -2), 'Good Friday'],
    [nthWeekday(year, 5, 1, -1), 'Memorial Day'],
    [observed(ymd(year, 7, 4)), 'Independence Day'],
    [nthWeekday(year, 9, 1, 1), 'Labor Day'],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'],
    [observed(ymd(year, 12, 25)), 'Christmas Day'],
  ];
  const newYear = ymd(year, 1, 1);
  if (weekdayOf(newYear) !== 6) days.push([observed(newYear), "New Year's Day"]);
  if (year >= 2022) days.push([observed(ymd(year, 6, 19)), 'Juneteenth']);
  for (const [date, name] of Object.entries(UNSCHEDULED_CLOSURES)) {
    if (date.startsWith(`${year}-`)) days.push([date, name]);
  }
  // `YYYY-MM-DD` texts sort by date in code-unit order (localeCompare would start ICU's collator).
  return new Map(days.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * 13:00 early closes of a calendar year: July 3 when it is Monday–Thursday, the day after
 * Thanksgiving, and December 24 when it is Monday–Thursday.
 */
export function nyseEarlyCloses(year: number): Set<string> {
  const dates = [addDays(nthWeekday(year, 11, 4, 4), 1)];
  for (const date of [ymd(year, 7, 3), ymd(year, 12, 24)]) {
    if (weekdayOf(date) <= 4) dates.push(date);
  }
  return new Set(dates);
}

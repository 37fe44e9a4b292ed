/**
 * New York wall clock ↔ instant, DST-correct, through `Intl` (no time-zone library), or through
 * `Date`'s local time in a process that runs on New York time.
 * Pure: every function takes its instant or date as an argument.
 */

const ZONE = 'America/New_York';

/** Built on first use: the first `Intl.DateTimeFormat` of a process costs ~15 ms of ICU start-up. */
let wallClockFormat: Intl.DateTimeFormat | undefined;

/** A New York wall-clock reading. */
export interface NewYorkWallClock {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` (24 h) */
  time: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** New York's offset at a whole-second instant, read through `Intl` (the slow path). */
export function intlOffsetMs(ms: number): number {
  wallClockFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) - ms;
}

/**
 * The process's own offset at a whole-second instant, read through `Date`'s local time: New York's
 * when the process runs on New York time (see {@link processRunsOnNewYorkTime}).
 */
export function localOffsetMs(ms: number): number {
  const d = new Date(ms);
  const wall = Date.UTC(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
  );
  return wall - ms;
}

/**
 * True when this process's local time is New York's: `TZ=America/New_York` (the `gex` command sets
 * it for itself) and local time keeps Eastern time in January and July (a worker thread's own
 * `process.env` may say so while its clock does not). `Date` reads the same tz database as `Intl`
 * then, without the formatter's start-up.
 */
export function processRunsOnNewYorkTime(): boolean {
  return (
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.TZ === ZONE &&
    new Date(Date.UTC(2023, 0, 15, 12)).getTimezoneOffset() === 300 &&
    new Date(Date.UTC(2023, 6, 15, 12)).getTimezoneOffset() === 240
  );
}

/** New York's offset at a whole-second instant: from local time when that is New York's, else `Intl`. */
function offsetAt(ms: number): number {
  return processRunsOnNewYorkTime() ? localOffsetMs(ms) : intlOffsetMs(ms);
}

const DAY_MS = 86_400_000;
/**
 * UTC day → the offset in force all that day, or null on a day New York switches (DST). New York
 * switches at most once a day, so equal offsets at a day's first and last second hold all day.
 * Reading an offset is slow (`formatToParts` slowest on its first calls in a process), and a chain asks about the same
 * few days hundreds of times (each expiry's close, settlement, session bounds).
 */
const dayOffsets = new Map<number, number | null>();
const MAX_CACHED_DAYS = 20_000;

/** New York's offset from UTC at an instant, in milliseconds (−4 h in summer, −5 h in winter). */
export function newYorkOffsetMs(instantMs: number): number {
  const second = instantMs - (instantMs % 1000);
  const day = Math.floor(instantMs / DAY_MS);
  let offset = dayOffsets.get(day);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS);
    offset = first === offsetAt(day * DAY_MS + DAY_MS - 1000) ? first : null;
    if (dayOffsets.size >= MAX_CACHED_DAYS) dayOffsets.clear();
    dayOffsets.set(day, offset);
  }
  return offset ?? offsetAt(second);
}

/** Milliseconds since the epoch of a New York wall-clock reading (to the second), read as if it were UTC. */
function wallClockAsUtcMs(ms: number): number {
  const second = ms - (ms % 1000);
  return second + newYorkOffsetMs(second);
}

/**
 * The instant (ISO-8601, UTC `Z`) of a New York wall-clock time on a date, e.g.
 * `newYorkInstant('2025-03-10', '16:00')` → `2025-03-10T20:00:00.000Z`.
 * In the spring-forward gap the later offset applies; in the fall-back hour the first occurrence.
 * @throws RangeError when `date` is not `YYYY-MM-DD` or `time` not `HH:MM`.
 */
export function newYorkInstant(date: string, time: string): string {
  return new Date(newYorkInstantMs(date, time)).toISOString();
}

/** {@link newYorkInstant} as epoch milliseconds. */
export function newYorkInstantMs(date: string, time: string): number {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) throw new RangeError(`not a New York date/time: ${date} ${time}`);
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offsets in force half a day either side; on a switch day they differ.
  const before = newYorkOffsetMs(asUtc - 43_200_000);
  const after = newYorkOffsetMs(asUtc + 43_200_000);
  const matches = [asUtc - before, asUtc - after].filter((ms) => wallClockAsUtcMs(ms) === asUtc);
  // Fall-back hour: two matches, take the first. Spring-forward gap: none, read with the old offset.
  return matches.length > 0 ? Math.min(...matches) : asUtc - before;
}

/**
 * The New York wall clock at an instant.
 * @throws RangeError when `instant` is not a parseable ISO-8601 time.
 */
export function newYorkWallClock(instant: string | number): NewYorkWallClock {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  const local = new Date(wallClockAsUtcMs(ms));
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: local.getUTCDay() || 7 };
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = DATE_RE.exec(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
}

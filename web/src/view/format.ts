/**
 * Number and time formatting for the dashboard. Pure: values and instants come in as arguments.
 * Money arrives as the contract's decimal strings; converting to `number` here is for display
 * only (a few significant digits), never for arithmetic that is stored.
 */

const DASH = '—';

const thousands = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function toFinite(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * Compact signed money: `"7650000.00"` → `"+$7.65M"`, `"-16200000"` → `"−$16.2M"`,
 * `"1234567890"` → `"+$1.23B"`; below a thousand, whole dollars with separators. Three
 * significant digits from M upward. `signed: false` drops the plus sign. A dash for null.
 */
export function formatMoneyCompact(
  value: string | number | null | undefined,
  options: { signed?: boolean } = {},
): string {
  const n = toFinite(value);
  if (n === null) return DASH;
  const abs = Math.abs(n);
  const sign = n < 0 ? '−' : options.signed !== false && n > 0 ? '+' : '';
  return `${sign}$${compactMagnitude(abs)}`;
}

/** `|n|` as `1.23T`, `4.56B`, `7.65M`, `12.3K` or `950`, three significant digits. */
export function compactMagnitude(abs: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    // 999,950 would print as "1000K": round first, then pick the unit
    if (Number(abs.toPrecision(3)) >= size) return `${trimZeros((abs / size).toPrecision(3))}${suffix}`;
  }
  return thousands.format(abs);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** An axis tick label: compact magnitude with a minus sign when negative, no currency. */
export function formatAxisCompact(value: number): string {
  if (value === 0) return '0';
  return `${value < 0 ? '−' : ''}${compactMagnitude(Math.abs(value))}`;
}

/** An integer count with thousands separators: `1234` → `"1,234"`. */
export function formatCount(value: number | null | undefined): string {
  const n = toFinite(value);
  return n === null ? DASH : thousands.format(n);
}

/** A price or strike with thousands separators and two decimals: `"5321.5"` → `"5,321.50"`. */
export function formatPrice(value: string | number | null | undefined): string {
  const n = toFinite(value);
  if (n === null) return DASH;
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** How far a level sits from spot, in percent with a sign: `(455, 450)` → `"+1.11%"`. */
export function formatDistancePct(level: string | null, spot: string): string {
  const l = toFinite(level);
  const s = toFinite(spot);
  if (l === null || s === null || s === 0) return '';
  const pct = ((l - s) / s) * 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct).toFixed(2)}%`;
}

const nyTime = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const nyDateTime = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** New York wall-clock time of an ISO instant: `"10:30:00 ET"`; a dash when unparseable. */
export function formatTimeEt(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? `${nyTime.format(ms)} ET` : DASH;
}

/** New York date and time of an ISO instant: `"Mon, Jun 8, 09:30 ET"`; a dash when unparseable. */
export function formatDateTimeEt(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? `${nyDateTime.format(ms)} ET` : DASH;
}

/** A duration in words: `45_000` → `"45 s"`, `180_000` → `"3 min"`, `7_200_000` → `"2 h"`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}

/** Dollars and cents with separators: `"-1234.5"` → `"−$1,234.50"`; a dash for null. */
export function formatUsd(value: string | number | null | undefined): string {
  const n = toFinite(value);
  if (n === null) return DASH;
  return `${n < 0 ? '−' : ''}$${formatPrice(Math.abs(n))}`;
}

import { newYorkInstantMs } from '../calendar/new-york-time';

/** Milliseconds in the year the engine annualizes with (ACT/365). */
export const MS_PER_YEAR = 365 * 86_400_000;
/** Smallest time to expiry used in pricing: one minute, so a 0DTE contract at the close stays finite. */
export const MIN_TIME_TO_EXPIRY_MS = 60_000;

/**
 * Epoch milliseconds at which an expiry stops trading: `expiryCloses[expiry]` (an ISO instant, for
 * early closes) or 16:00 New York time on the expiry date.
 * @throws RangeError on a malformed date or override.
 */
export function expiryCloseMs(expiry: string, expiryCloses?: Readonly<Record<string, string>>): number {
  const override = expiryCloses?.[expiry];
  if (override === undefined) return newYorkInstantMs(expiry, '16:00');
  const ms = Date.parse(override);
  if (!Number.isFinite(ms)) throw new RangeError(`expiry close for ${expiry} is not an instant: ${override}`);
  return ms;
}

/**
 * Time to expiry in years (ACT/365) from `asOfMs` to `closeMs`, floored at one minute; null when
 * the expiry closed before `asOfMs` (exactly at the close still counts as alive, at the floor).
 */
export function yearsToExpiry(asOfMs: number, closeMs: number): number | null {
  if (asOfMs > closeMs) return null;
  return Math.max(closeMs - asOfMs, MIN_TIME_TO_EXPIRY_MS) / MS_PER_YEAR;
}

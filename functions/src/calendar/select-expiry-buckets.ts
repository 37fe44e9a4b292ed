import type { ExpiryBuckets, TradingSession } from './types';

/** Input of {@link selectExpiryBuckets}. */
export interface SelectExpiryBucketsInput {
  /** ISO-8601 instant the chain describes. */
  asOf: string;
  /** Trading sessions around `asOf` (any order; must reach at least two sessions past it). */
  sessions: readonly TradingSession[];
  /** Expiry dates (`YYYY-MM-DD`) the chain lists. */
  listedExpiries: Iterable<string>;
}

/**
 * Picks the 0DTE and 1DTE buckets: 0DTE is the nearest session whose close is after `asOf`
 * (a session at its exact close has ended); 1DTE is the session after it. A bucket's expiry is
 * that session's date when the chain lists it, else null — never a substitute date.
 * E.g. Thursday after the close → Friday + Monday; Saturday → Monday + Tuesday; the Friday before
 * a Monday holiday → Friday + Tuesday.
 * @throws RangeError when `asOf` is not an instant or fewer than two sessions follow it.
 */
export function selectExpiryBuckets({
  asOf,
  sessions,
  listedExpiries,
}: SelectExpiryBucketsInput): ExpiryBuckets {
  const asOfMs = Date.parse(asOf);
  if (!Number.isFinite(asOfMs)) throw new RangeError(`not an instant: ${asOf}`);
  const ahead = sessions
    .filter((session) => Date.parse(session.close) > asOfMs)
    .sort((a, b) => Date.parse(a.close) - Date.parse(b.close));
  const [zero, one] = ahead;
  if (!zero || !one) throw new RangeError(`the calendar has fewer than two sessions after ${asOf}`);
  const listed = new Set(listedExpiries);
  const bucket = (session: TradingSession) => ({
    session: session.date,
    expiry: listed.has(session.date) ? session.date : null,
  });
  return { zeroDte: bucket(zero), oneDte: bucket(one) };
}

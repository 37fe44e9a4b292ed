import { z } from 'zod';

/**
 * Alpaca's wire shapes, validated at the edge. Envelopes are strict about what the adapter relies
 * on; items (contracts, snapshots) are checked one by one so a broken item is skipped and
 * counted rather than failing the page. Numbers are kept as they arrive (JSON number or decimal
 * string) and reach Decimal only in the engine.
 */

/** A numeric field as Alpaca may send it: a JSON number or a decimal string. */
const WireNumber = z.union([z.number(), z.string()]);
const PageToken = z.string().nullish();

/** `GET /v2/clock`. Timestamps are RFC 3339 with the New York offset. */
export const RawClock = z.object({
  /** "Now" for the whole cycle (trading day, time to expiry), so it must be a real instant. */
  timestamp: z.string().refine((t) => Number.isFinite(Date.parse(t)), 'expected an RFC 3339 instant'),
  is_open: z.boolean(),
  next_open: z.string().min(1),
  next_close: z.string().min(1),
});
export type RawClock = z.infer<typeof RawClock>;

const Hhmm = z.string().regex(/^\d{2}:?\d{2}$/, 'expected HH:MM');
/** One day of `GET /v2/calendar`: regular-session open/close, New York wall time. */
export const RawCalendarDay = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  open: Hhmm,
  close: Hhmm,
});
export type RawCalendarDay = z.infer<typeof RawCalendarDay>;
export const RawCalendar = z.array(RawCalendarDay);

/** One item of `GET /v2/options/contracts` (snake_case, numbers as strings). */
export const RawOptionContract = z.object({
  symbol: z.string().min(1),
  underlying_symbol: z.string().min(1),
  type: z.enum(['call', 'put']),
  expiration_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  strike_price: WireNumber,
  /** Absent when OPRA published none; bad values are left for the engine to skip and count. */
  open_interest: WireNumber.nullish(),
  open_interest_date: z.string().nullish(),
});
export type RawOptionContract = z.infer<typeof RawOptionContract>;
export const RawOptionContractsPage = z.object({
  option_contracts: z.array(z.unknown()),
  next_page_token: PageToken,
});

const OptionalNumber = WireNumber.nullish();
/** One value of `GET /v1beta1/options/snapshots/{underlying}`; greeks and IV may be missing. */
export const RawOptionSnapshot = z.object({
  greeks: z.object({ gamma: OptionalNumber, delta: OptionalNumber }).nullish(),
  impliedVolatility: OptionalNumber,
  latestQuote: z.object({ ap: OptionalNumber, bp: OptionalNumber, t: z.string().nullish() }).nullish(),
  latestTrade: z.object({ p: OptionalNumber, t: z.string().nullish() }).nullish(),
  /** Today's bar; `v` = contracts traded in the session so far (absent before the first trade). */
  dailyBar: z.object({ v: OptionalNumber, t: z.string().nullish() }).nullish(),
});
export type RawOptionSnapshot = z.infer<typeof RawOptionSnapshot>;
export const RawOptionSnapshotsPage = z.object({
  snapshots: z.record(z.string(), z.unknown()),
  next_page_token: PageToken,
});

/** One trade of `GET /v2/stocks/trades/latest`: price `p` (USD) at time `t`. */
export const RawStockTrade = z.object({ p: WireNumber, t: z.string().min(1) });
export type RawStockTrade = z.infer<typeof RawStockTrade>;
/** `GET /v2/stocks/trades/latest?symbols=…`; each symbol's trade is checked on its own. */
export const RawLatestTrades = z.object({ trades: z.record(z.string(), z.unknown()) });

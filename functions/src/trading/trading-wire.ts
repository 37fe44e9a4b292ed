import { z } from 'zod';

/**
 * Alpaca trading-API wire shapes the account sync relies on, validated at the edge. Money fields
 * are decimal strings; anything else is a malformed payload for that user (never partial numbers).
 */
const Money = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/** `GET /v2/account` (the removed pattern-day-trader fields are not read). */
export const RawAccount = z.object({
  id: z.string().min(1),
  account_number: z.string().min(1),
  status: z.string().min(1),
  currency: z.string().default('USD'),
  equity: Money,
  cash: Money,
  buying_power: Money,
  options_buying_power: Money.optional(),
  long_market_value: Money,
  short_market_value: Money,
  trading_blocked: z.boolean(),
  account_blocked: z.boolean(),
  options_trading_level: z.number().int().min(0).max(3).nullish(),
  options_approved_level: z.number().int().min(0).max(3).nullish(),
});
export type RawAccount = z.infer<typeof RawAccount>;

/** One item of `GET /v2/positions`. */
export const RawPosition = z.object({
  symbol: z.string().min(1),
  asset_class: z.enum(['us_equity', 'us_option', 'crypto']),
  qty: Money,
  side: z.enum(['long', 'short']),
  avg_entry_price: Money,
  market_value: Money,
  cost_basis: Money,
  unrealized_pl: Money,
  current_price: Money,
});
export type RawPosition = z.infer<typeof RawPosition>;
export const RawPositions = z.array(RawPosition).max(10_000);

import { z } from 'zod';

/**
 * Alpaca order wire shapes (`POST /v2/orders`, `GET /v2/orders`, `GET /v2/orders:by_client_order_id`),
 * validated at the edge. Quantities and prices are decimal strings, null when Alpaca has none.
 */
const Decimalish = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/** One order as Alpaca answers it (the fields the runner reads). */
export const RawOrder = z.object({
  id: z.string().min(1),
  client_order_id: z.string().min(1),
  symbol: z.string().min(1),
  side: z.enum(['buy', 'sell']),
  type: z.string().min(1),
  time_in_force: z.string().min(1),
  qty: Decimalish.nullable(),
  notional: Decimalish.nullish(),
  filled_qty: Decimalish,
  filled_avg_price: Decimalish.nullable(),
  status: z.string().min(1),
  created_at: z.string().min(1),
});
export type RawOrder = z.infer<typeof RawOrder>;
export const RawOrders = z.array(RawOrder).max(500);

/** What the runner submits: whole shares, market, day, with its own client order id. */
export interface OrderSubmission {
  symbol: string;
  side: 'buy' | 'sell';
  /** Whole shares as a decimal string. */
  qty: string;
  type: 'market';
  time_in_force: 'day';
  /** Deterministic id (≤ 48 characters) that makes a repeat a rejected duplicate. */
  client_order_id: string;
}

import { z } from 'zod';

/**
 * The documents of a user's strategies, read by the runner and the owner's frontend:
 * `users/{uid}/strategies/{id}` (the user's configuration plus the server's `state`),
 * `users/{uid}/settings/trading` (the user's kill switch), the decision log
 * `users/{uid}/decisions/{id}` and the order log `users/{uid}/orders/{client_order_id}`.
 * firestore.rules enforces the same bounds on what a client may write.
 */

/** Execution modes: `off` records decisions only; `paper` and `live` place orders on that kind of account. */
export const ExecutionMode = z.enum(['off', 'paper', 'live']);
export type ExecutionMode = z.infer<typeof ExecutionMode>;

/** Bounds of the user-writable numeric fields (inclusive), mirrored in firestore.rules. */
export const STRATEGY_CONFIG_BOUNDS = {
  hedge_threshold_positive: { min: 0.01, max: 1 },
  hedge_threshold_negative: { min: 0.01, max: 1 },
  allocation_positive: { min: 0, max: 1 },
  allocation_negative: { min: 0, max: 1 },
  max_position_shares: { min: 0, max: 100_000, integer: true },
  max_order_notional: { min: 0, max: 1_000_000 },
  max_orders_per_day: { min: 0, max: 100, integer: true },
} as const;

type BoundedField = keyof typeof STRATEGY_CONFIG_BOUNDS;

function bounded(field: BoundedField) {
  const b: { min: number; max: number; integer?: boolean } = STRATEGY_CONFIG_BOUNDS[field];
  const n = z.number().finite().min(b.min).max(b.max);
  return (b.integer ? n.int() : n).optional();
}

/** The fields a user writes on `users/{uid}/strategies/{id}` (every one optional but `enabled`). */
export const StrategyConfigFields = z.object({
  enabled: z.boolean(),
  mode: ExecutionMode.default('off'),
  /** The strategy run; only the GammaScalper exists. */
  kind: z.literal('gamma_scalper').default('gamma_scalper'),
  /** Upper-case ticker hedged (a regime symbol), default SPY. */
  symbol: z
    .string()
    .regex(/^[A-Z][A-Z0-9.]{0,9}$/)
    .optional(),
  hedge_threshold_positive: bounded('hedge_threshold_positive'),
  hedge_threshold_negative: bounded('hedge_threshold_negative'),
  allocation_positive: bounded('allocation_positive'),
  allocation_negative: bounded('allocation_negative'),
  max_position_shares: bounded('max_position_shares'),
  max_order_notional: bounded('max_order_notional'),
  max_orders_per_day: bounded('max_orders_per_day'),
});
export type StrategyConfigFields = z.infer<typeof StrategyConfigFields>;

/** Names of the user-writable fields (the rules allow exactly these). */
export const STRATEGY_CONFIG_KEYS = Object.keys(StrategyConfigFields.shape) as (keyof StrategyConfigFields)[];

/** `users/{uid}/settings/trading`: the user's kill switch (true stops all their orders). */
export const TradingSettings = z.object({
  kill_switch: z.boolean().default(false),
  updated_at: z.string().optional(),
});
export type TradingSettings = z.infer<typeof TradingSettings>;

/** What happened to a decision's orders. */
export const ExecutionStatus = z.enum([
  'decisions_only', // mode off
  'killed', // a kill switch is on
  'no_orders', // the decision proposed none
  'mode_mismatch', // paper mode on a live account or the reverse
  'no_credentials', // the connection's credentials could not be read
  'placed', // every order is at Alpaca (placed now, or found there by its client order id)
  'failed', // an order was refused or could not be confirmed
]);
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;

/** One order's outcome in the decision log and the order log. */
export const OrderOutcome = z.object({
  client_order_id: z.string().max(48),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  qty: z.string(),
  /** `placed` (accepted now), `existing` (found by its client order id), `rejected`, `unknown`. */
  result: z.enum(['placed', 'existing', 'rejected', 'unknown']),
  alpaca_order_id: z.string().nullable(),
  alpaca_status: z.string().nullable(),
  error: z.string().nullable(),
});
export type OrderOutcome = z.infer<typeof OrderOutcome>;

/** The execution part of a decision: mode, kill switches and the orders' outcomes. */
export const Execution = z.object({
  mode: ExecutionMode,
  status: ExecutionStatus,
  /** Why orders were or were not placed, in words. */
  reason: z.string(),
  kill_switch_user: z.boolean(),
  kill_switch_global: z.boolean(),
  orders: z.array(OrderOutcome),
});
export type Execution = z.infer<typeof Execution>;

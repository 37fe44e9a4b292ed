import { z } from 'zod';
import { Execution, StrategyConfigFields } from './strategy-document';

/**
 * What the strategy runner writes for the owner to read, as a frontend parses it: a strategy's
 * server `state` (on `users/{uid}/strategies/{id}`) and the decision log
 * `users/{uid}/decisions/{id}`. Decimals are strings; fields a reader does not need are dropped
 * on parse, so the runner may add more without breaking readers.
 */

const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/** Where a decision's regime came from; orders only ever on `document`. */
export const RegimeSourceName = z.enum(['document', 'override', 'last_good', 'default']);
export type RegimeSourceName = z.infer<typeof RegimeSourceName>;

/** A share order a decision proposed. */
export const ProposedOrder = z.object({
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  qty: z.string(),
});
export type ProposedOrder = z.infer<typeof ProposedOrder>;

/** The parts of a stored decision (the strategies library's `Decision`) a reader shows. */
export const StoredDecision = z.object({
  symbol: z.string(),
  as_of: z.string(),
  regime_source: RegimeSourceName,
  regime_as_of: z.string().nullable(),
  gex_regime: z.enum(['POSITIVE', 'NEGATIVE', 'NEUTRAL']),
  multiplier: DecimalString,
  log_line: z.string().optional(),
  net_delta_shares: DecimalString.nullable(),
  hedge_limit_shares: DecimalString.nullable().optional(),
  orders: z.array(ProposedOrder),
  reasons: z.array(z.string()),
});
export type StoredDecision = z.infer<typeof StoredDecision>;

/** A strategy's server-written `state`: the parameters in force and the last decision. */
export const StrategyState = z.object({
  status: z.enum(['evaluated', 'problem']),
  problem: z.string().nullable().optional(),
  updated_at: z.string().optional(),
  regime_as_of: z.string().nullable().optional(),
  regime_source: RegimeSourceName.optional(),
  gex_regime: z.enum(['POSITIVE', 'NEGATIVE', 'NEUTRAL']).optional(),
  multiplier: DecimalString.optional(),
  hedge_threshold: DecimalString.optional(),
  allocation: DecimalString.optional(),
  max_position_shares: DecimalString.optional(),
  max_order_notional: DecimalString.optional(),
  max_orders_per_day: z.number().int().optional(),
  net_delta_shares: DecimalString.nullable().optional(),
  last_decision_id: z.string().optional(),
  last_decision: StoredDecision.extend({ execution: Execution }).optional(),
});
export type StrategyState = z.infer<typeof StrategyState>;

/** `users/{uid}/strategies/{id}`: the user's configuration and, once run, the server's state. */
export const StrategyDocument = StrategyConfigFields.extend({ state: StrategyState.optional() });
export type StrategyDocument = z.infer<typeof StrategyDocument>;

/** `users/{uid}/decisions/{id}`: one entry of the append-only decision log. */
export const DecisionLogEntry = z.object({
  strategy_id: z.string(),
  regime_event_as_of: z.string(),
  evaluated_at: z.string(),
  decision: StoredDecision,
  execution: Execution,
});
export type DecisionLogEntry = z.infer<typeof DecisionLogEntry>;

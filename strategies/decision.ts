import type { GexRegime } from './inputs';
import type { RegimeSource } from './resolve-regime';

/** A share order in Alpaca's field names: whole shares, market, day. */
export interface ShareOrder {
  /** Upper-case ticker. */
  symbol: string;
  side: 'buy' | 'sell';
  /** Whole shares as a string, e.g. "65" (> 0). */
  qty: string;
  type: 'market';
  time_in_force: 'day';
}

/** The GammaScalper's parameters in force, as stored (decimals as strings). */
export interface DecisionParams {
  /** Net delta tolerated per option contract held, in units of 100 shares, e.g. "0.15". */
  hedge_threshold: string;
  /** Fraction of equity a hedge may use as notional, e.g. "0.50". */
  allocation: string;
  evaluation_interval_seconds: number;
  /** Largest |stock position| an order may leave, whole shares (after a strong-negative cut). */
  max_position_shares: string;
  /** Per-order notional cap, USD, two decimals. */
  max_order_notional: string;
  max_orders_per_day: number;
}

/**
 * One evaluation's outcome, ready to store as is: snake_case like the regime document and Alpaca,
 * decimals as strings, never NaN, Infinity or undefined.
 */
export interface Decision {
  strategy: 'gamma_scalper';
  /** Upper-case ticker hedged. */
  symbol: string;
  /** The evaluation time handed in (ISO-8601). */
  as_of: string;
  /** Where the regime came from; orders only ever on `document`. */
  regime_source: RegimeSource;
  /** When the regime's numbers were true, or null. */
  regime_as_of: string | null;
  gex_regime: GexRegime;
  /** |net GEX| in billions of USD per $1 move, six decimals. */
  gex_strength: string;
  /** Call GEX + |put GEX|, USD per $1 move, two decimals. */
  total_gex_dollar: string;
  /** The OptionsAgent confidence multiplier applied, e.g. "0.75". */
  multiplier: string;
  /** The modifier's log line, e.g. `[GEX PINNING] SPY gex_strength 1.80B: confidence × 0.75`. */
  log_line: string;
  params: DecisionParams;
  /** The book's net delta, shares, four decimals; null when it could not be computed (no spot). */
  net_delta_shares: string | null;
  /** threshold × 100 × max(1, contracts): |net delta| tolerated, shares; null with no net delta. */
  hedge_limit_shares: string | null;
  /** Orders proposed (possibly none). */
  orders: ShareOrder[];
  /** Why: regime fallbacks, skipped options, the hedge rule's outcome, caps and blockers. */
  reasons: string[];
}

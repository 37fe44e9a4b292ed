/**
 * Stored `systemStatus/market_regime` documents for the strategy runner's tests and benchmark, in
 * the contract's wire shape (decimal strings). `timestamp` is anything with `toDate()` (an admin
 * `Timestamp` when written to Firestore).
 */
export interface RegimeDocInput {
  asOf: string;
  /** Write time; defaults to `asOf`. */
  lastUpdated?: string;
  marketOpen?: boolean;
  stale?: boolean;
  spy?: { netGex?: string; strength?: string; spot?: string; stale?: boolean };
  timestamp?: { toDate(): Date };
}

const totals = {
  session: null,
  expiry: null,
  net_gex: '0.00',
  total_call_gex: '0.00',
  total_put_gex: '0.00',
  net_gex_per_pct: '0.00',
  option_count: 0,
  note: null,
};

/** One symbol map (SPY by default) with the numbers the strategies read. */
export function storedSymbol(input: {
  netGex: string;
  strength: string;
  spot: string;
  asOf: string;
  stale: boolean;
}): Record<string, unknown> {
  const positive = !input.netGex.startsWith('-') && input.netGex !== '0.00';
  const negative = input.netGex.startsWith('-');
  return {
    net_gex: input.netGex,
    total_call_gex: '2000000000.00',
    total_put_gex: '-1000000000.00',
    spot_price: input.spot,
    option_count: 400,
    volatility_bias: positive ? 'Bullish' : negative ? 'Bearish' : 'Neutral',
    gex_regime: positive ? 'POSITIVE' : negative ? 'NEGATIVE' : 'NEUTRAL',
    gex_strength: input.strength,
    total_gex_dollar: '3000000000.00',
    net_gex_per_pct: '0.00',
    total_call_gex_per_pct: '0.00',
    total_put_gex_per_pct: '0.00',
    zero_gamma: null,
    zero_gamma_reason: 'none in range',
    call_wall: null,
    put_wall: null,
    abs_gamma_strike: null,
    by_expiry: { zero_dte: totals, one_dte: totals },
    as_of: input.asOf,
    quality: { contracts_seen: 400, contracts_used: 400, skipped: {}, local_greeks: 0, iv_solved: 0 },
    stale: input.stale,
    error: input.stale ? 'chain unavailable' : null,
    last_success_at: input.asOf,
    last_attempt_at: input.asOf,
  };
}

/** A whole regime document with SPY only. */
export function storedRegimeDoc(input: RegimeDocInput): Record<string, unknown> {
  const lastUpdated = input.lastUpdated ?? input.asOf;
  return {
    timestamp: input.timestamp ?? { toDate: () => new Date(lastUpdated) },
    last_updated: lastUpdated,
    market_volatility_bias: 'Bullish',
    market_open: input.marketOpen ?? true,
    stale: input.stale ?? false,
    error: null,
    as_of: input.asOf,
    pulse_time: lastUpdated,
    next_open: null,
    next_close: null,
    symbols: ['spy'],
    missing_symbols: {},
    api_calls: 4,
    duration_ms: 100,
    spy: storedSymbol({
      netGex: input.spy?.netGex ?? '800000000.00',
      strength: input.spy?.strength ?? '0.800000',
      spot: input.spy?.spot ?? '450.00',
      asOf: input.asOf,
      stale: input.spy?.stale ?? false,
    }),
  };
}

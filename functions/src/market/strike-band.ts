/**
 * Strike band half-width around spot, percent, unless configured: ±10% keeps SPY's and QQQ's
 * 0DTE+1DTE chains within one 1,000-contract page while covering where their gamma sits.
 */
export const DEFAULT_STRIKE_BAND_PCT = 10;

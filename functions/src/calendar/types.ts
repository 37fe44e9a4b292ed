/** One trading session of the options market, in New York time. */
export interface TradingSession {
  /** Session date, `YYYY-MM-DD` (New York). */
  date: string;
  /** ISO-8601 instants of the regular session's open and close (close is 13:00 ET on early-close days). */
  open: string;
  close: string;
}

/** Which expiry dates are this run's 0DTE and 1DTE; null when that session lists no expiry. */
export interface ExpiryBuckets {
  /** Session date (`YYYY-MM-DD`) of the 0DTE bucket, and the expiry date listed for it (or null). */
  zeroDte: { session: string; expiry: string | null };
  oneDte: { session: string; expiry: string | null };
}

/** One trading session of the options market, in New York time. */
export interface TradingSession {
  /** Session date, `YYYY-MM-DD` (New York). */
  date: string;
  /** ISO-8601 instants of the regular session's open and close (close is 13:00 ET on early-close days). */
  open: string;
  close: string;
}

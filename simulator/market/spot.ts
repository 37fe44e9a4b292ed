import { normal, uniform } from '../random';
import type { Session } from './sessions';

/** Rough real-world levels so the demo looks familiar; other symbols get a seeded price. */
const BASE_PRICES: Readonly<Record<string, number>> = {
  SPY: 590,
  QQQ: 510,
  IWM: 210,
  DIA: 420,
  SPX: 5900,
  NDX: 21000,
  AAPL: 225,
  NVDA: 135,
  TSLA: 330,
};
/** Standard deviation of the overnight gap and of one minute's log return. */
const DAILY_GAP_VOL = 0.008;
const MINUTE_VOL = 0.0006;

/** One day of the underlying, as far as the clock has got. All prices USD, rounded to cents. */
export interface SpotDay {
  open: number;
  high: number;
  low: number;
  /** Price at the asked instant (the close once the session is over). */
  last: number;
  /** Minutes since the open covered by `last` (0 before the open). */
  minutes: number;
}

const paths = new Map<string, Float64Array>();

function basePrice(seed: number, symbol: string): number {
  return BASE_PRICES[symbol] ?? 20 + Math.round(uniform(seed, 'base', symbol) * 480);
}

/** Cumulative log returns minute by minute over the session; index i = i minutes after the open. */
function minutePath(seed: number, symbol: string, session: Session): Float64Array {
  const key = `${seed}|${symbol}|${session.date}`;
  let path = paths.get(key);
  if (!path) {
    const minutes = Math.round((session.closeMs - session.openMs) / 60_000);
    path = new Float64Array(minutes + 1);
    for (let i = 1; i <= minutes; i++) {
      path[i] = (path[i - 1] ?? 0) + MINUTE_VOL * normal(seed, 'minute', symbol, session.date, i);
    }
    if (paths.size > 500) paths.clear();
    paths.set(key, path);
  }
  return path;
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The session's opening price: the symbol's level with a seeded gap per date. */
export function openingSpot(seed: number, symbol: string, date: string): number {
  return cents(basePrice(seed, symbol) * Math.exp(DAILY_GAP_VOL * normal(seed, 'gap', symbol, date)));
}

/**
 * The underlying over `session` up to instant `ms` (clamped to the session's hours): a seeded
 * random walk keyed on the minute, so the same minute always gives the same price.
 */
export function spotDay(seed: number, symbol: string, session: Session, ms: number): SpotDay {
  const open = openingSpot(seed, symbol, session.date);
  const path = minutePath(seed, symbol, session);
  const minutes = Math.min(path.length - 1, Math.max(0, Math.floor((ms - session.openMs) / 60_000)));
  let high = 0;
  let low = 0;
  for (let i = 0; i <= minutes; i++) {
    const value = path[i] ?? 0;
    high = Math.max(high, value);
    low = Math.min(low, value);
  }
  const at = (log: number): number => cents(open * Math.exp(log));
  return { open, high: at(high), low: at(low), last: at(path[minutes] ?? 0), minutes };
}

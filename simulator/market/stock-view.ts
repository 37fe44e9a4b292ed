import type { ReplayMarket } from './replay';
import type { SessionCalendar } from './sessions';
import { underlyingNow } from './underlying';

/** The underlying as the stock endpoints serve it. Prices USD. */
export interface StockView {
  symbol: string;
  /** Latest trade price. */
  last: number;
  /** Epoch ms of the latest trade. */
  timeMs: number;
  day: { open: number; high: number; low: number; close: number; startMs: number; volume: number };
  previous: { open: number; high: number; low: number; close: number; startMs: number; volume: number };
}

/** A replayed underlying: the file's spot everywhere, at the file's stamp. */
export function replayStockView(market: ReplayMarket): StockView {
  const last = Number(market.spotPrice);
  const timeMs = Date.parse(market.stampedAt);
  const bar = {
    open: last,
    high: last,
    low: last,
    close: last,
    startMs: timeMs - (timeMs % 86_400_000),
    volume: 0,
  };
  return { symbol: market.underlying, last, timeMs, day: bar, previous: bar };
}

/** A synthetic underlying at `nowMs` (see {@link underlyingNow}). */
export function syntheticStockView(
  seed: number,
  symbol: string,
  calendar: SessionCalendar,
  nowMs: number,
): StockView {
  const { session, previousSession, day, previous } = underlyingNow(seed, symbol, calendar, nowMs);
  const tradeMs = Math.min(nowMs, session.openMs + day.minutes * 60_000 + 59_000);
  const volume = (minutes: number): number => 1_000 + minutes * 150_000;
  return {
    symbol,
    last: day.last,
    timeMs: Math.max(session.openMs, tradeMs - 250),
    day: { ...day, close: day.last, startMs: session.openMs, volume: volume(day.minutes) },
    previous: {
      ...previous,
      close: previous.last,
      startMs: previousSession.openMs,
      volume: volume(previous.minutes),
    },
  };
}

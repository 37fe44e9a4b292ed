import type { SessionCalendar, Session } from './sessions';
import { spotDay, type SpotDay } from './spot';

/** The underlying as of an instant: the latest session that has opened, and the day so far. */
export interface UnderlyingNow {
  session: Session;
  day: SpotDay;
  /** The session before, and its complete day (for `prevDailyBar`). */
  previousSession: Session;
  previous: SpotDay;
}

/**
 * Where a synthetic underlying trades at `nowMs`: inside a session the minute's price, before the
 * open or on a closed day the last session's close.
 */
export function underlyingNow(
  seed: number,
  symbol: string,
  calendar: SessionCalendar,
  nowMs: number,
): UnderlyingNow {
  const [previousSession, session] = calendar.recent(nowMs, 2);
  if (!previousSession || !session) throw new Error('the calendar has no past sessions');
  return {
    session,
    previousSession,
    day: spotDay(seed, symbol, session, nowMs),
    previous: spotDay(seed, symbol, previousSession, previousSession.closeMs),
  };
}

import { describe, expect, it } from 'vitest';
import type { AlpacaClient } from '../../../functions/src/market/alpaca-client';
import { createMemoryDailyCache } from '../../../functions/src/market/daily-cache';
import { type CalendarEntry, loadTradingSessions } from '../../../functions/src/market/trading-sessions';
import type { RawCalendarDay } from '../../../functions/src/market/wire-schemas';

const day = (date: string): RawCalendarDay => ({ date, open: '09:30', close: '16:00' });

/** A client whose calendar answers from `answers` in turn, counting requests. */
function clientAnswering(answers: RawCalendarDay[][]) {
  let requests = 0;
  const client = {
    getCalendar: () => Promise.resolve(answers[Math.min(requests++, answers.length - 1)]!),
  } as unknown as AlpacaClient;
  return { client, requests: () => requests };
}

describe('loadTradingSessions', () => {
  const asOf = '2025-05-16T10:30:00-04:00';

  it('fetches the calendar once per New York day', async () => {
    const { client, requests } = clientAnswering([[day('2025-05-16'), day('2025-05-19')]]);
    const cache = createMemoryDailyCache<CalendarEntry>();
    expect((await loadTradingSessions({ client, cache, asOf })).cached).toBe(false);
    expect((await loadTradingSessions({ client, cache, asOf: '2025-05-16T23:59:00-04:00' })).cached).toBe(
      true,
    );
    expect(requests()).toBe(1);
    await loadTradingSessions({ client, cache, asOf: '2025-05-17T00:00:00-04:00' });
    expect(requests()).toBe(2);
  });

  it('does not keep a calendar too short to place 0DTE and 1DTE for the day', async () => {
    const { client, requests } = clientAnswering([
      [day('2025-05-16')],
      [day('2025-05-16'), day('2025-05-19')],
    ]);
    const cache = createMemoryDailyCache<CalendarEntry>();
    expect((await loadTradingSessions({ client, cache, asOf })).sessions).toHaveLength(1);
    expect((await loadTradingSessions({ client, cache, asOf })).sessions).toHaveLength(2);
    expect(requests()).toBe(2);
    expect((await loadTradingSessions({ client, cache, asOf })).cached).toBe(true);
  });
});

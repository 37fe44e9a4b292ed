import { describe, expect, it } from 'vitest';
import { addDays } from '../../../functions/src/calendar/new-york-time';
import { nyseSessions } from '../../../offline/calendar/nyse-sessions';
import { selectExpiryBuckets } from '../../../functions/src/calendar/select-expiry-buckets';

function bucketsAt(asOf: string, listed: string[]) {
  const day = asOf.slice(0, 10);
  return selectExpiryBuckets({
    asOf,
    sessions: nyseSessions(addDays(day, -3), addDays(day, 10)),
    listedExpiries: listed,
  });
}

describe('selectExpiryBuckets', () => {
  it('Thursday after the close → Friday and Monday', () => {
    // 2023-09-14 16:31 EDT = 20:31Z, one of the CBOE stamps.
    expect(bucketsAt('2023-09-14T20:31:00Z', ['2023-09-14', '2023-09-15', '2023-09-18'])).toEqual({
      zeroDte: { session: '2023-09-15', expiry: '2023-09-15' },
      oneDte: { session: '2023-09-18', expiry: '2023-09-18' },
    });
  });

  it('Thursday during the session → Thursday and Friday; at the exact close the day has ended', () => {
    const listed = ['2023-09-14', '2023-09-15', '2023-09-18'];
    expect(bucketsAt('2023-09-14T19:59:00Z', listed).zeroDte.session).toBe('2023-09-14');
    expect(bucketsAt('2023-09-14T20:00:00Z', listed).zeroDte.session).toBe('2023-09-15');
  });

  it('Saturday → Monday and Tuesday; an unlisted Tuesday leaves 1DTE empty', () => {
    // The 2022-07-09 SPY file lists Mon/Wed/Fri expiries only.
    expect(bucketsAt('2022-07-09T21:28:00Z', ['2022-07-11', '2022-07-13', '2022-07-15'])).toEqual({
      zeroDte: { session: '2022-07-11', expiry: '2022-07-11' },
      oneDte: { session: '2022-07-12', expiry: null },
    });
  });

  it('Friday before a Monday holiday → Friday and Tuesday', () => {
    // 2025-01-17 (Fri) 10:00 EST; Monday 2025-01-20 is Martin Luther King Jr. Day.
    expect(bucketsAt('2025-01-17T15:00:00Z', ['2025-01-17', '2025-01-21'])).toEqual({
      zeroDte: { session: '2025-01-17', expiry: '2025-01-17' },
      oneDte: { session: '2025-01-21', expiry: '2025-01-21' },
    });
  });

  it('an early close ends the 0DTE session at 13:00', () => {
    // 2024-11-29 13:30 EST = 18:30Z: after the 13:00 close, so Monday is 0DTE.
    expect(bucketsAt('2024-11-29T18:30:00Z', ['2024-11-29', '2024-12-02']).zeroDte.session).toBe(
      '2024-12-02',
    );
    expect(bucketsAt('2024-11-29T17:30:00Z', ['2024-11-29', '2024-12-02']).zeroDte.session).toBe(
      '2024-11-29',
    );
  });

  it('throws when the calendar does not reach two sessions ahead', () => {
    expect(() =>
      selectExpiryBuckets({
        asOf: '2025-01-17T15:00:00Z',
        sessions: nyseSessions('2025-01-17', '2025-01-17'),
        listedExpiries: [],
      }),
    ).toThrow(RangeError);
  });
});

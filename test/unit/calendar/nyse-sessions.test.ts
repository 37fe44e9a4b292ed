import { describe, expect, it } from 'vitest';
import { easterSunday, nyseEarlyCloses, nyseHolidays } from '../../../offline/calendar/nyse-holidays';
import { nyseSessions } from '../../../offline/calendar/nyse-sessions';

describe('nyseHolidays', () => {
  // NYSE's published holiday lists for these years.
  it.each([
    [
      2022,
      '2022-01-17 2022-02-21 2022-04-15 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-11-24 2022-12-26',
    ],
    [
      2023,
      '2023-01-02 2023-01-16 2023-02-20 2023-04-07 2023-05-29 2023-06-19 2023-07-04 2023-09-04 2023-11-23 2023-12-25',
    ],
    [
      2026,
      '2026-01-01 2026-01-19 2026-02-16 2026-04-03 2026-05-25 2026-06-19 2026-07-03 2026-09-07 2026-11-26 2026-12-25',
    ],
  ])('%i matches the published list', (year, list) => {
    expect([...nyseHolidays(year).keys()].join(' ')).toBe(list);
  });

  it('does not close on Friday Dec 31 for a Saturday New Year (2022) and shifts Sunday to Monday (2023)', () => {
    expect(nyseHolidays(2021).has('2021-12-31')).toBe(false);
    expect(nyseHolidays(2023).get('2023-01-02')).toBe("New Year's Day");
  });

  it('observes Juneteenth only from 2022, and on Friday when it falls on a Saturday', () => {
    expect([...nyseHolidays(2021).values()]).not.toContain('Juneteenth');
    expect(nyseHolidays(2027).get('2027-06-18')).toBe('Juneteenth');
  });

  it('finds Good Friday from Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(nyseHolidays(2025).get('2025-04-18')).toBe('Good Friday');
  });

  it('lists early closes: July 3, day after Thanksgiving, Christmas Eve (weekdays only)', () => {
    expect([...nyseEarlyCloses(2024)].sort()).toEqual(['2024-07-03', '2024-11-29', '2024-12-24']);
    // 2026: July 3 is the observed Independence Day, so no early close on it.
    expect([...nyseEarlyCloses(2026)].sort()).toEqual(['2026-11-27', '2026-12-24']);
  });
});

describe('nyseSessions', () => {
  it('skips weekends and holidays, opens 09:30 and closes 16:00 New York time across DST', () => {
    const sessions = nyseSessions('2025-03-07', '2025-03-11');
    expect(sessions.map((s) => s.date)).toEqual(['2025-03-07', '2025-03-10', '2025-03-11']);
    // EST (UTC−5) on Friday, EDT (UTC−4) after the Sunday switch.
    expect(sessions[0]).toEqual({
      date: '2025-03-07',
      open: '2025-03-07T14:30:00.000Z',
      close: '2025-03-07T21:00:00.000Z',
    });
    expect(sessions[1]?.close).toBe('2025-03-10T20:00:00.000Z');
  });

  it('closes at 13:00 on early-close days', () => {
    const [friday] = nyseSessions('2024-11-29', '2024-11-29');
    expect(friday?.close).toBe('2024-11-29T18:00:00.000Z');
    const [eve] = nyseSessions('2024-12-24', '2024-12-24');
    expect(eve?.close).toBe('2024-12-24T18:00:00.000Z');
  });

  it('has no session on Good Friday, Juneteenth or a day of mourning', () => {
    const dates = nyseSessions('2025-01-01', '2025-12-31').map((s) => s.date);
    for (const closed of ['2025-01-09', '2025-04-18', '2025-06-19', '2025-12-25'])
      expect(dates).not.toContain(closed);
    expect(dates).toHaveLength(250);
  });

  it('rejects malformed dates', () => {
    expect(() => nyseSessions('2025-1-1', '2025-02-01')).toThrow(RangeError);
  });
});

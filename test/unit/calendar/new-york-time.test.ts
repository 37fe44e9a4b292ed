import { describe, expect, it } from 'vitest';
import { newYorkInstant, newYorkWallClock } from '../../../functions/src/calendar/new-york-time';

describe('New York time', () => {
  it('converts wall clock to instants in EST and EDT', () => {
    expect(newYorkInstant('2025-01-06', '16:00')).toBe('2025-01-06T21:00:00.000Z');
    expect(newYorkInstant('2025-07-01', '16:00')).toBe('2025-07-01T20:00:00.000Z');
  });

  it('handles the switch days: spring gap reads the old offset, fall-back takes the first 01:30', () => {
    expect(newYorkInstant('2025-03-09', '03:00')).toBe('2025-03-09T07:00:00.000Z');
    expect(newYorkInstant('2025-03-09', '02:30')).toBe('2025-03-09T07:30:00.000Z');
    expect(newYorkInstant('2025-11-02', '01:30')).toBe('2025-11-02T05:30:00.000Z');
    expect(newYorkInstant('2025-11-02', '02:30')).toBe('2025-11-02T07:30:00.000Z');
  });

  it('reads the wall clock of an instant', () => {
    expect(newYorkWallClock('2025-01-07T01:57:00Z')).toEqual({
      date: '2025-01-06',
      time: '20:57',
      weekday: 1,
    });
    expect(newYorkWallClock('2022-07-09T21:28:00Z').weekday).toBe(6);
  });

  it('rejects malformed input', () => {
    expect(() => newYorkInstant('2025-01-06', '4pm')).toThrow(RangeError);
    expect(() => newYorkWallClock('nope')).toThrow(RangeError);
  });
});

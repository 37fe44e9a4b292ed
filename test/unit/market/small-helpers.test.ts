import { describe, expect, it } from 'vitest';
import { strikeBandAround } from '../../../functions/src/market/chain-request';
import { openInterestDay } from '../../../functions/src/market/open-interest';
import { toTradingSessions } from '../../../functions/src/market/trading-sessions';

describe('strikeBandAround', () => {
  it('spans ±pct of spot, widened to whole cents', () => {
    expect(strikeBandAround(589.25, 8)).toEqual({ gte: 542.11, lte: 636.39 });
  });
  it('never asks for a negative strike, however wide the band', () => {
    expect(strikeBandAround(589.25, 150)).toEqual({ gte: 0, lte: 1473.13 });
  });
  it('is null when no band is wanted or spot is unusable', () => {
    expect(strikeBandAround(589.25, null)).toBeNull();
    expect(strikeBandAround(Number.NaN, 8)).toBeNull();
    expect(strikeBandAround(0, 8)).toBeNull();
  });
});

describe('openInterestDay', () => {
  it('changes after the morning publication (07:00 New York), not at midnight', () => {
    expect(openInterestDay('2025-05-16T06:59:00-04:00')).toBe('2025-05-15');
    expect(openInterestDay('2025-05-16T07:00:00-04:00')).toBe('2025-05-16');
    expect(openInterestDay('2025-05-16T23:59:00-04:00')).toBe('2025-05-16');
  });
});

describe('toTradingSessions', () => {
  it('reads calendar wall times in New York, DST and early closes included', () => {
    expect(
      toTradingSessions([
        { date: '2024-11-29', open: '09:30', close: '13:00' },
        { date: '2025-05-16', open: '09:30', close: '16:00' },
      ]),
    ).toEqual([
      { date: '2024-11-29', open: '2024-11-29T14:30:00.000Z', close: '2024-11-29T18:00:00.000Z' },
      { date: '2025-05-16', open: '2025-05-16T13:30:00.000Z', close: '2025-05-16T20:00:00.000Z' },
    ]);
  });
});

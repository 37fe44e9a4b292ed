import { describe, expect, it } from 'vitest';
import {
  curveSeries,
  padRange,
  historySeries,
  startOfNewYorkDayIso,
  strikeSeries,
} from '../../../web/src/view/chart-series';
import { historyRow, profileData } from './fixtures';

describe('strikeSeries', () => {
  it('keeps strikes within the band around spot, with call, put and net series', () => {
    // spot 450.25 ± 5% = 427.74 … 472.76 → strikes 430 … 470
    const { data } = strikeSeries(profileData(), 5);
    // the default, ±3% = 436.74 … 463.76 → strikes 440 … 460
    expect(strikeSeries(profileData()).data[0]).toEqual([440, 445, 450, 455, 460]);
    const [strikes, call, put, net] = data;
    expect(strikes).toEqual([430, 435, 440, 445, 450, 455, 460, 465, 470]);
    expect(call?.[0]).toBe(70_000); // (500 − 430) × 1000
    expect(put?.[0]).toBe(-35_000); // −(430 − 395) × 1000
    expect(net?.[0]).toBe(35_000);
  });

  it('marks spot, zero gamma and both walls, leaving out levels that are null', () => {
    expect(strikeSeries(profileData()).markers.map((m) => [m.key, m.x])).toEqual([
      ['spot', 450.25],
      ['zero_gamma', 445.1],
      ['call_wall', 455],
      ['put_wall', 440],
    ]);
    const noZero = strikeSeries(profileData({ zero_gamma: null }));
    expect(noZero.markers.map((m) => m.key)).toEqual(['spot', 'call_wall', 'put_wall']);
  });

  it('falls back to every strike when fewer than three fall inside the band', () => {
    expect(strikeSeries(profileData(), 0.5).data[0]).toHaveLength(21);
  });
});

describe('curveSeries', () => {
  it('plots the re-priced curve with spot and zero-gamma markers', () => {
    const { data, markers } = curveSeries(profileData());
    expect(data).toEqual([
      [440, 445, 450],
      [-2e7, -1e6, 3e7],
    ]);
    expect(markers.map((m) => m.key)).toEqual(['spot', 'zero_gamma']);
  });
});

describe('historySeries', () => {
  it('orders rows by pulse time in epoch seconds and keeps one point per pulse', () => {
    const rows = [
      historyRow('2025-05-16T14:31:00.000Z', '2000000.00', '451.00'),
      historyRow('2025-05-16T14:30:00.000Z', '1000000.00', '450.00'),
      historyRow('2025-05-16T14:31:00.000Z', '2000000.00', '451.00'),
    ];
    const { data } = historySeries(rows, 'spy');
    expect(data).toEqual([
      [Date.parse('2025-05-16T14:30:00Z') / 1000, Date.parse('2025-05-16T14:31:00Z') / 1000],
      [1e6, 2e6],
      [450, 451],
    ]);
  });

  it('leaves out rows without the symbol', () => {
    const rows = [historyRow('2025-05-16T14:30:00.000Z', '1.00', '450.00')];
    expect(historySeries(rows, 'qqq').data[0]).toEqual([]);
  });
});

describe('startOfNewYorkDayIso', () => {
  it('is New York midnight of the New York date, across DST', () => {
    // 02:00Z on May 16 is 22:00 EDT on May 15
    expect(startOfNewYorkDayIso(Date.parse('2025-05-16T02:00:00Z'))).toBe('2025-05-15T04:00:00.000Z');
    expect(startOfNewYorkDayIso(Date.parse('2025-01-16T15:00:00Z'))).toBe('2025-01-16T05:00:00.000Z');
  });
});

describe('padRange', () => {
  it('widens a single value by the pad and leaves a real range alone', () => {
    expect(padRange(100, 100, 5)).toEqual([95, 105]);
    expect(padRange(90, 110, 5)).toEqual([90, 110]);
    expect(padRange(null, null, 1)).toEqual([-1, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatAxisCompact,
  formatCount,
  formatDistancePct,
  formatDuration,
  formatMoneyCompact,
  formatPrice,
  formatTimeEt,
} from '../../../web/src/view/format';

describe('formatMoneyCompact', () => {
  it('writes M, B and T with three significant digits and a sign', () => {
    expect(formatMoneyCompact('7650000.00')).toBe('+$7.65M');
    expect(formatMoneyCompact('-16200000.00')).toBe('−$16.2M');
    expect(formatMoneyCompact('1234567890')).toBe('+$1.23B');
    expect(formatMoneyCompact('-2500000000000')).toBe('−$2.5T');
    expect(formatMoneyCompact('12345')).toBe('+$12.3K');
  });

  it('rounds before choosing the unit, so 999,950 is $1M, not $1000K', () => {
    expect(formatMoneyCompact('999950')).toBe('+$1M');
  });

  it('keeps small amounts whole, zero unsigned, and drops the plus sign on request', () => {
    expect(formatMoneyCompact('999.4')).toBe('+$999');
    expect(formatMoneyCompact('0.00')).toBe('$0');
    expect(formatMoneyCompact('16200000', { signed: false })).toBe('$16.2M');
  });

  it('shows a dash for null and for text that is not a number', () => {
    expect(formatMoneyCompact(null)).toBe('—');
    expect(formatMoneyCompact('abc')).toBe('—');
  });
});

describe('counts, prices and distances', () => {
  it('puts thousands separators in counts and prices', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatPrice('5321.5')).toBe('5,321.50');
    expect(formatPrice(null)).toBe('—');
  });

  it('gives the distance of a level from spot in signed percent', () => {
    // (455 − 450) / 450 = 1.111…%
    expect(formatDistancePct('455', '450')).toBe('+1.11%');
    expect(formatDistancePct('445', '450')).toBe('−1.11%');
    expect(formatDistancePct('450', '450')).toBe('±0.00%');
    expect(formatDistancePct(null, '450')).toBe('');
  });

  it('labels axes compactly without a currency', () => {
    expect(formatAxisCompact(-2e7)).toBe('−20M');
    expect(formatAxisCompact(0)).toBe('0');
    expect(formatAxisCompact(1.5e9)).toBe('1.5B');
  });
});

describe('times', () => {
  it('shows New York time in summer and winter', () => {
    expect(formatTimeEt('2025-05-16T14:30:00Z')).toBe('10:30:00 ET');
    expect(formatTimeEt('2025-01-16T14:30:00Z')).toBe('09:30:00 ET');
    expect(formatTimeEt('not a time')).toBe('—');
  });

  it('writes durations in seconds, minutes, hours and days', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(7_200_000)).toBe('2 h');
    expect(formatDuration(3 * 86_400_000)).toBe('3 d');
  });
});

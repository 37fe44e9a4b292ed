import { describe, expect, it } from 'vitest';
import { isEvaluationDue, scheduleAfter } from '../../../functions/src/strategy-runner/evaluation-due';
import type { RegimeView } from '../../../strategies';

const view = (over: { stale?: boolean; symbolStale?: boolean; gexRegime?: string } = {}) =>
  ({
    stale: over.stale ?? false,
    symbols: [{ symbol: 'SPY', gexRegime: over.gexRegime ?? 'POSITIVE', stale: over.symbolStale ?? false }],
  }) as unknown as RegimeView;

describe('isEvaluationDue', () => {
  const schedule = scheduleAfter({
    eventAsOf: '2025-05-16T14:00:00.000Z',
    intervalSeconds: 300,
    gexRegime: 'POSITIVE',
  });

  it('schedules the next evaluation the interval after the regime it used', () => {
    expect(schedule).toEqual({ nextAsOf: '2025-05-16T14:05:00.000Z', gexRegime: 'POSITIVE' });
  });

  it('is due without a schedule, at and after the next time, never just before it', () => {
    const due = (eventAsOf: string, s: typeof schedule | null = schedule) =>
      isEvaluationDue({ schedule: s, eventAsOf, view: view(), symbol: 'spy' });
    expect(due('2025-05-16T14:01:00.000Z', null)).toBe(true);
    expect(due('2025-05-16T14:04:59.999Z')).toBe(false);
    expect(due('2025-05-16T14:05:00.000Z')).toBe(true);
    expect(due('2025-05-16T14:06:00.000Z')).toBe(true);
  });

  it('is due at once when the regime kind changed or the document cannot serve the symbol', () => {
    const early = '2025-05-16T14:01:00.000Z';
    const due = (v: RegimeView | null, symbol = 'SPY') =>
      isEvaluationDue({ schedule, eventAsOf: early, view: v, symbol });
    expect(due(view())).toBe(false);
    expect(due(view({ gexRegime: 'NEGATIVE' }))).toBe(true);
    expect(due(view({ stale: true }))).toBe(true);
    expect(due(view({ symbolStale: true }))).toBe(true);
    expect(due(null)).toBe(true);
    expect(due(view(), 'QQQ')).toBe(true);
  });

  it('an unreadable time is never a reason to skip', () => {
    const broken = { nextAsOf: 'not a time', gexRegime: 'POSITIVE' };
    expect(
      isEvaluationDue({
        schedule: broken,
        eventAsOf: '2025-05-16T14:01:00.000Z',
        view: view(),
        symbol: 'SPY',
      }),
    ).toBe(true);
  });
});

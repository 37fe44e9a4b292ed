import { describe, expect, it } from 'vitest';
import { Query, pageOf } from '../../../simulator/http/query';
import { occSymbol } from '../../../simulator/market/chain-row';
import { SessionCalendar } from '../../../simulator/market/sessions';
import { underlyingNow } from '../../../simulator/market/underlying';
import { listedExpiries, strikeGrid, syntheticChain } from '../../../simulator/market/synthetic-chain';

describe('synthetic chain building blocks', () => {
  it('builds OCC symbols', () => {
    expect(occSymbol('SPY', '2025-05-16', 'call', 590)).toBe('SPY250516C00590000');
    expect(occSymbol('SPXW', '2025-01-06', 'put', 5972.5)).toBe('SPXW250106P05972500');
  });

  it('strike grid: $1 within 5 %, $5 to 12 %, $10 to 25 %', () => {
    const grid = strikeGrid(600);
    expect(grid).toContain(571);
    expect(grid).toContain(629);
    expect(grid).not.toContain(631);
    expect(grid).toContain(635);
    expect(grid).not.toContain(675);
    expect(grid).toContain(680);
    expect(grid[0]).toBe(450);
    expect(grid.at(-1)).toBe(750);
    expect(strikeGrid(5900).every((k) => k % 5 === 0)).toBe(true);
    expect(strikeGrid(20).some((k) => k % 1 === 0.5)).toBe(true);
  });

  it('lists daily expiries for SPY and week-end expiries for others, around holidays', () => {
    const calendar = new SessionCalendar();
    const at = Date.parse('2025-04-16T15:00:00Z'); // Wednesday before Good Friday
    expect(listedExpiries('SPY', at, calendar).map((s) => s.date)).toEqual([
      '2025-04-16',
      '2025-04-17',
      '2025-04-21',
      '2025-04-22',
      '2025-04-23',
    ]);
    expect(listedExpiries('XYZ', at, calendar).map((s) => s.date)).toEqual([
      '2025-04-17',
      '2025-04-25',
      '2025-05-02',
    ]);
  });
});

describe('query validation and paging', () => {
  it('pages by symbol and hands out opaque tokens that resume after the last symbol', () => {
    const rows = ['A250101C00001000', 'A250101C00002000', 'A250101C00003000'].map((symbol) => ({ symbol }));
    const first = pageOf(rows, 2, undefined);
    expect(first.items.map((r) => r.symbol)).toEqual(['A250101C00001000', 'A250101C00002000']);
    const after = new Query(new URLSearchParams({ page_token: first.nextPageToken ?? '' })).pageToken();
    const second = pageOf(rows, 2, after);
    expect(second).toEqual({ items: [{ symbol: 'A250101C00003000' }], nextPageToken: null });
  });

  it('takes the date part of RFC 3339 times and rejects impossible dates', () => {
    const q = (params: Record<string, string>) => new Query(new URLSearchParams(params));
    expect(q({ start: '2025-05-16T00:00:00.000Z' }).dateOrTime('start')).toBe('2025-05-16');
    expect(() => q({ d: '2025-02-29' }).date('d')).toThrow(/invalid d/);
    expect(q({ d: '2024-02-29' }).date('d')).toBe('2024-02-29');
  });
});

describe('synthetic volume', () => {
  const calendar = new SessionCalendar();
  const at = (iso: string) =>
    syntheticChain({ seed: 1, underlying: 'SPY', nowMs: Date.parse(iso), calendar });
  const total = (rows: ReturnType<typeof at>) => rows.reduce((sum, row) => sum + (row.volume ?? 0), 0);

  it('grows through the session and is an integer per contract', () => {
    // 2025-05-16 is a Friday session: 09:30–16:00 New York = 13:30–20:00 UTC.
    const early = at('2025-05-16T14:00:00Z');
    const late = at('2025-05-16T19:00:00Z');
    expect(total(early)).toBeGreaterThan(0);
    expect(total(late)).toBeGreaterThan(2 * total(early));
    expect(late.every((row) => Number.isInteger(row.volume) && (row.volume ?? -1) >= 0)).toBe(true);
  });

  it('centres on the current spot, where the 0DTE trading is', () => {
    const nowMs = Date.parse('2025-05-16T19:00:00Z');
    const spot = underlyingNow(1, 'SPY', calendar, nowMs).day.last;
    const rows = at('2025-05-16T19:00:00Z').filter((row) => row.expiry === '2025-05-16');
    const busiest = rows.reduce((best, row) => ((row.volume ?? 0) > (best.volume ?? 0) ? row : best));
    expect(Math.abs(busiest.strike / spot - 1)).toBeLessThan(0.01);
  });
});

import { describe, expect, it } from 'vitest';
import type { StoredSymbolRegime } from '../../../functions/src/contract/regime';
import { changesWindowStart, gexChanges } from '../../../functions/src/pulse/gex-changes';
import type { RecentRow } from '../../../functions/src/store/pulse-store';
import { gexResult } from './fakes';

const NOW = '2025-05-16T14:30:00.000Z';
const ago = (seconds: number) => new Date(Date.parse(NOW) - seconds * 1000).toISOString();

function map(net: string, vol?: string): StoredSymbolRegime {
  const regime = gexResult({ netGex: net, spot: '450.00', asOf: NOW }).regime;
  return {
    ...regime,
    ...(vol === undefined ? {} : { net_gex_vol: vol }),
    stale: false,
    error: null,
    last_success_at: NOW,
    last_attempt_at: NOW,
  };
}

function row(pulseTime: string, net: string, vol?: string): RecentRow {
  const line = {
    net_gex: net,
    net_gex_per_pct: '0.00',
    spot_price: '450.00',
    zero_gamma: null,
    call_wall: null,
    put_wall: null,
    volatility_bias: 'Neutral' as const,
    stale: false,
    ...(vol === undefined ? {} : { net_gex_vol: vol }),
  };
  return { pulse_time: pulseTime, symbols: { spy: line } };
}

describe('change of net GEX over 1, 5 and 15 minutes', () => {
  it('subtracts the rows written 1, 5 and 15 minutes before, OI and volume alike', () => {
    const rows = [
      row(ago(60), '1000000.00', '500.00'),
      row(ago(300), '-250000.50', '100.25'),
      row(ago(900), '7650000.00'), // written before volume GEX existed
      row(ago(120), '999.00', '999.00'), // a horizon nobody asks for
    ];
    // 1 min: 1,200,000 − 1,000,000 = 200,000; 5 min: 1,200,000 + 250,000.50 = 1,450,000.50
    // 15 min: 1,200,000 − 7,650,000 = −6,450,000; volume: 800 − 500 = 300, 800 − 100.25 = 699.75
    expect(gexChanges('spy', map('1200000.00', '800.00'), rows, NOW)).toEqual({
      net_gex_change: { m1: '200000.00', m5: '1450000.50', m15: '-6450000.00' },
      net_gex_vol_change: { m1: '300.00', m5: '699.75', m15: null },
    });
  });

  it('a late row (up to 59 s before the horizon) stands in; older or newer rows do not', () => {
    const rows = [row(ago(60 + 30), '100.00'), row(ago(300 - 1), '1.00'), row(ago(900 + 60), '5.00')];
    expect(gexChanges('spy', map('1000.00'), rows, NOW).net_gex_change).toEqual({
      m1: '900.00',
      m5: null,
      m15: null,
    });
  });

  it('no history, or a symbol missing from it, gives nulls', () => {
    expect(gexChanges('qqq', map('1.00'), [row(ago(60), '1.00')], NOW).net_gex_change).toEqual({
      m1: null,
      m5: null,
      m15: null,
    });
    expect(changesWindowStart(NOW)).toBe(ago(900 + 59));
  });
});

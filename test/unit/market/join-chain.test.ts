import { describe, expect, it } from 'vitest';
import { joinChain } from '../../../functions/src/market/join-chain';
import type { OpenInterestContract } from '../../../functions/src/market/open-interest';

const listed = (symbol: string, strike: string, expiry = '2025-05-16'): OpenInterestContract => ({
  symbol,
  side: symbol.includes('C0') ? 'call' : 'put',
  strike,
  expiry,
  openInterest: '100',
});

const snap = (gamma: number) => ({
  greeks: { gamma, delta: 0.52 },
  impliedVolatility: 0.2,
  latestQuote: { bp: 1.1, ap: 1.2 },
  dailyBar: { v: 1234, t: '2025-05-16T04:00:00Z' },
});

describe('joinChain', () => {
  const contracts = [
    listed('SPY250516C00590000', '590'),
    listed('SPY250516P00590000', '590'),
    listed('SPY250516C00700000', '700'), // outside the band, no snapshot: expected, not counted
    listed('SPY250519C00590000', '590', '2025-05-19'),
    listed('SPY250620C00590000', '590', '2025-06-20'),
  ];

  it('joins by OCC symbol: OI from the list; greeks, quote and the daily bar’s volume from the snapshot', () => {
    const result = joinChain({
      contracts,
      snapshots: [['SPY250516C00590000', snap(0.05)]],
      expiries: new Set(['2025-05-16']),
      band: { gte: 540, lte: 640 },
    });
    expect(result.contracts).toEqual([
      {
        symbol: 'SPY250516C00590000',
        side: 'call',
        strike: '590',
        expiry: '2025-05-16',
        openInterest: '100',
        gamma: 0.05,
        impliedVolatility: 0.2,
        bid: 1.1,
        ask: 1.2,
        delta: 0.52,
        volume: 1234,
      },
    ]);
    // The put at 590 is listed, in band and in the expiries, but has no snapshot.
    expect(result.skipped).toEqual({ no_snapshot: 1 });
  });

  it('counts one-sided and out-of-bucket contracts instead of guessing', () => {
    const result = joinChain({
      contracts,
      snapshots: [
        ['SPY250516C00590000', snap(0.05)],
        ['SPY250516P00590000', snap(0.04)],
        ['SPY250516C00595000', snap(0.03)], // not in the contract list
        ['SPY250620C00590000', snap(0.01)], // listed, but not a 0DTE/1DTE expiry
      ],
      expiries: new Set(['2025-05-16', '2025-05-19']),
      band: null,
    });
    expect(result.contracts.map((c) => c.symbol)).toEqual(['SPY250516C00590000', 'SPY250516P00590000']);
    // With no band, the 700 call and the 1DTE call are expected and missing.
    expect(result.skipped).toEqual({ no_open_interest_record: 1, outside_expiries: 1, no_snapshot: 2 });
  });

  it('passes missing greeks through for the engine to compute locally', () => {
    const result = joinChain({
      contracts,
      snapshots: [['SPY250516P00590000', { latestQuote: { bp: 2, ap: 2.2 } }]],
      expiries: new Set(['2025-05-16']),
      band: { gte: 580, lte: 600 },
    });
    expect(result.contracts[0]).toMatchObject({
      gamma: undefined,
      impliedVolatility: undefined,
      volume: undefined, // no daily bar: the engine counts it as zero volume

      bid: 2,
      ask: 2.2,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import type { ChainInput, ContractInput } from '../../../functions/src/gex/types';
import { computeSymbols } from '../../../functions/src/pulse/compute-symbols';
import type { PulseLog } from '../../../functions/src/pulse/ports';

const AS_OF = '2025-05-16T14:30:00.000Z';

const silentLog: PulseLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

function contract(side: 'call' | 'put', openInterest: string): ContractInput {
  const cp = side === 'call' ? 'C' : 'P';
  return {
    symbol: `SPY250516${cp}00450000`,
    side,
    strike: '450',
    expiry: '2025-05-16',
    openInterest,
    gamma: '0.05',
  };
}

function chain(contracts: ContractInput[]): ChainInput {
  return {
    underlying: 'SPY',
    spotPrice: '450',
    asOf: AS_OF,
    contracts,
    buckets: {
      zeroDte: { session: '2025-05-16', expiry: '2025-05-16' },
      oneDte: { session: '2025-05-19', expiry: '2025-05-19' },
    },
  };
}

function run(outcome: Parameters<typeof computeSymbols>[0]['chains'][string]) {
  return computeSymbols({
    symbols: ['SPY'],
    chains: { SPY: outcome },
    computeGex,
    log: silentLog,
    now: () => new Date(AS_OF),
  }).SPY!;
}

describe('computeSymbols', () => {
  it("adds the adapter's skipped contracts to the stored quality, as seen and by reason", () => {
    const outcome = run({
      ok: true,
      chain: chain([contract('call', '1000'), contract('put', '2000')]),
      adapterSkipped: { no_snapshot: 3, no_open_interest_record: 2 },
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // 1000 × 0.05 × 100 × 450 = 2,250,000 for the call; the put is twice that, negative.
    expect(outcome.result.regime.net_gex).toBe('-2250000.00');
    expect(outcome.result.regime.quality).toMatchObject({
      contracts_seen: 2 + 5,
      contracts_used: 2,
      skipped: { no_snapshot: 3, no_open_interest_record: 2 },
    });
  });

  it('fails a symbol with no usable contract instead of writing zeros as data', () => {
    const outcome = run({ ok: true, chain: chain([contract('call', '0'), contract('put', '-5')]) });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatch(/^engine: SPY: no usable contracts among 2 \(skipped: /);
  });
});

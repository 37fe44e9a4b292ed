import { describe, expect, it } from 'vitest';
import type { SymbolRegime } from '../../../functions/src/contract/regime';
import { mergeAdapterQuality } from '../../../functions/src/market/merge-adapter-quality';

const regime = {
  net_gex: '1.00',
  quality: { contracts_seen: 10, contracts_used: 8, skipped: { expired: 2 }, local_greeks: 1, iv_solved: 0 },
} as unknown as SymbolRegime;

describe('mergeAdapterQuality', () => {
  it('adds adapter skips to the seen count and the skip reasons, leaving the numbers alone', () => {
    const merged = mergeAdapterQuality(regime, {
      skipped: { no_snapshot: 3, expired: 1, malformed_contract: 0 },
    });
    expect(merged.quality).toEqual({
      contracts_seen: 14,
      contracts_used: 8,
      skipped: { expired: 3, no_snapshot: 3 },
      local_greeks: 1,
      iv_solved: 0,
    });
    expect(merged.net_gex).toBe('1.00');
    expect(regime.quality.contracts_seen).toBe(10);
  });
});

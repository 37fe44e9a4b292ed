import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeContracts } from '../../../functions/src/gex/normalize-contracts';
import { Decimal } from '../../../functions/src/num/decimal';
import type { ContractInput } from '../../../functions/src/gex/types';
import { AS_OF, chain, contract } from './chain-builders';

/**
 * normalizeContracts keeps the first contract of each symbol and counts every later one as
 * `duplicate_symbol`; a chain that repeats no symbol skips the per-contract check. Either way the
 * result must be a plain Set walk's.
 */
function reference(contracts: ContractInput[]) {
  const seen = new Set<string>();
  const firsts: ContractInput[] = [];
  for (const c of contracts) {
    if (seen.has(c.symbol)) continue;
    seen.add(c.symbol);
    firsts.push(c);
  }
  return { duplicates: contracts.length - firsts.length, firsts };
}

function normalize(contracts: ContractInput[]) {
  const normalized = normalizeContracts(chain(contracts), new Decimal(450), Date.parse(AS_OF));
  return {
    duplicates: normalized.skipped.duplicate_symbol ?? 0,
    used: normalized.contracts.map((c) => [c.symbol, c.openInterestNumber]),
  };
}

// Symbols from a small pool (many repeats) or a large one (few), in any order.
const symbols = fc.oneof(
  fc.array(fc.constantFrom('A', 'B', 'SPY250520C00450000', 'SPY250520P00450000', ''), { maxLength: 30 }),
  fc.array(fc.stringMatching(/^[A-C]{1,3}$/), { maxLength: 60 }),
  fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,6}$/), { maxLength: 60 }),
);

describe('normalizeContracts duplicate symbols', () => {
  it('uses the first contract of each symbol and counts the later ones, as a Set walk does', () => {
    fc.assert(
      fc.property(symbols, (list) => {
        // Each contract's open interest is its position: which occurrence was used shows.
        const contracts = list.map((symbol, i) =>
          contract({ symbol, side: i % 2 ? 'put' : 'call', gamma: '0.01', openInterest: String(i + 1) }),
        );
        const expected = reference(contracts);
        expect(normalize(contracts)).toEqual({
          duplicates: expected.duplicates,
          used: expected.firsts.map((c) => [c.symbol, Number(c.openInterest)]),
        });
      }),
      { numRuns: 500 },
    );
  });

  it('counts no duplicate in a chain of distinct symbols, and the later ones of a repeat anywhere', () => {
    const distinct = Array.from({ length: 20_000 }, (_, i) =>
      contract({ symbol: `SPXW${i}`, side: 'call', gamma: '0.01' }),
    );
    expect(normalize(distinct).duplicates).toBe(0);
    const repeated = [...distinct, { ...distinct[0]! }, { ...distinct[19_999]! }, { ...distinct[0]! }];
    expect(normalize(repeated).duplicates).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { withSettlement } from '../../../offline/cboe/cboe-chain-input';
import type { ContractInput } from '../../../functions/src/gex/types';

/** What withSettlement returned when it spread: `{ ...contract, settlesAt }` for AM-settled roots. */
function spreadReference(contract: ContractInput): ContractInput {
  if (!/^(SPX|NDX|RUT)\d{6}[CP]\d{8}$/.test(contract.symbol)) return contract;
  return { ...contract, settlesAt: withSettlement(contract).settlesAt };
}

/** Own keys (strings and symbols) in order, with their values. */
function entries(value: object): [string | symbol, unknown][] {
  return Reflect.ownKeys(value).map((key) => [key, (value as Record<string | symbol, unknown>)[key]]);
}

const parsed: ContractInput = {
  symbol: 'SPX230915C04500000',
  side: 'call',
  strike: '4500.00',
  expiry: '2023-09-15',
  openInterest: '12',
  gamma: '0.0012',
  impliedVolatility: '0.12',
  bid: '10.1',
  ask: '10.5',
  volume: '3',
  delta: '0.5',
};

/** The contract's fields but `delta`, on a prototype with an enumerable `delta`. */
function inheriting(contract: ContractInput): ContractInput {
  const { delta: _, ...own } = contract;
  const proto: object = { delta: 'inherited' };
  return Object.assign(Object.create(proto) as ContractInput, own);
}

describe('withSettlement', () => {
  const tagged = Symbol('tag');
  const cases: [string, ContractInput][] = [
    ['a parsed CBOE contract', parsed],
    ['a parsed PM-settled contract', { ...parsed, symbol: 'SPXW230915C04500000' }],
    ['an NDX contract', { ...parsed, symbol: 'NDX230915P15000000' }],
    ['a bad tail', { ...parsed, symbol: 'SPX230915X04500000' }],
    [
      'fields in another order',
      Object.fromEntries(Object.entries(parsed).reverse()) as unknown as ContractInput,
    ],
    ['a field missing', { ...parsed, delta: undefined }],
    ['a field fewer', (({ delta: _, ...rest }) => rest)(parsed)],
    ['a field more', { ...parsed, vanna: '0.1' }],
    ['settlesAt already there', { ...parsed, settlesAt: '2000-01-01T00:00:00Z' }],
    ['a symbol key', { ...parsed, [tagged]: 1 } as ContractInput],
    ['an inherited field', inheriting(parsed)],
  ];
  it.each(cases)('%s: the same fields, values and order as the spread', (_, contract) => {
    const settled = withSettlement(contract);
    const expected = spreadReference(contract);
    expect(entries(settled)).toEqual(entries(expected));
    expect(settled === contract).toBe(expected === contract);
  });

  it('settles AM roots at 09:30 New York on the expiry date', () => {
    expect(withSettlement(parsed).settlesAt).toBe('2023-09-15T13:30:00.000Z');
  });
});

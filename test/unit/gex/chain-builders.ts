import type { ChainInput, ContractInput } from '../../../functions/src/gex/types';

/** A Tuesday 11:00 New York (EDT) as-of, and that day's expiry as 0DTE. */
export const AS_OF = '2025-05-20T15:00:00.000Z';
export const TODAY = '2025-05-20';
export const TOMORROW = '2025-05-21';

let serial = 0;

/** A contract expiring today with the given fields; a unique symbol unless one is given. */
export function contract(fields: Partial<ContractInput> & Pick<ContractInput, 'side'>): ContractInput {
  serial++;
  return {
    symbol: `TEST${String(serial).padStart(6, '0')}${fields.side === 'call' ? 'C' : 'P'}`,
    strike: '450',
    expiry: TODAY,
    openInterest: '1000',
    ...fields,
  };
}

/** A chain around `contracts` with today/tomorrow as 0DTE/1DTE. */
export function chain(contracts: ContractInput[], overrides: Partial<ChainInput> = {}): ChainInput {
  return {
    underlying: 'SPY',
    spotPrice: '450',
    asOf: AS_OF,
    contracts,
    buckets: { zeroDte: { session: TODAY, expiry: TODAY }, oneDte: { session: TOMORROW, expiry: TOMORROW } },
    ...overrides,
  };
}

import type { ChainRow } from '../market/chain-row';
import type { Query } from './query';

/** The option filters the contracts and snapshot endpoints share. */
export interface OptionFilter {
  type?: 'call' | 'put' | undefined;
  expirationDate?: string | undefined;
  expirationDateGte?: string | undefined;
  expirationDateLte?: string | undefined;
  strikePriceGte?: number | undefined;
  strikePriceLte?: number | undefined;
  rootSymbol?: string | undefined;
}

/** Reads and validates the shared filters (422 on a bad value). */
export function readOptionFilter(query: Query): OptionFilter {
  return {
    type: query.oneOf('type', ['call', 'put'] as const),
    expirationDate: query.date('expiration_date'),
    expirationDateGte: query.date('expiration_date_gte'),
    expirationDateLte: query.date('expiration_date_lte'),
    strikePriceGte: query.number('strike_price_gte'),
    strikePriceLte: query.number('strike_price_lte'),
    rootSymbol: query.string('root_symbol')?.toUpperCase(),
  };
}

/** Whether any expiration filter was given. */
export function hasExpiryFilter(filter: OptionFilter): boolean {
  return (
    filter.expirationDate !== undefined ||
    filter.expirationDateGte !== undefined ||
    filter.expirationDateLte !== undefined
  );
}

/** The rows that pass `filter`, order kept. */
export function applyOptionFilter(rows: readonly ChainRow[], filter: OptionFilter): ChainRow[] {
  return rows.filter(
    (row) =>
      (filter.type === undefined || row.side === filter.type) &&
      (filter.expirationDate === undefined || row.expiry === filter.expirationDate) &&
      (filter.expirationDateGte === undefined || row.expiry >= filter.expirationDateGte) &&
      (filter.expirationDateLte === undefined || row.expiry <= filter.expirationDateLte) &&
      (filter.strikePriceGte === undefined || row.strike >= filter.strikePriceGte) &&
      (filter.strikePriceLte === undefined || row.strike <= filter.strikePriceLte) &&
      (filter.rootSymbol === undefined || row.root === filter.rootSymbol),
  );
}

import type { AccountContent, AccountPosition } from '../contract/account-snapshot';
import { parseOccSymbol } from '../contract/occ-symbol';
import type { RawAccount, RawPosition } from './trading-wire';

/** A position whose option symbol is not OCC: the whole payload is refused, never half-used. */
export class MalformedPositionError extends Error {
  override readonly name = 'MalformedPositionError';
  constructor(readonly symbol: string) {
    super(`/v2/positions: option symbol ${JSON.stringify(symbol.slice(0, 32))} is not an OCC symbol`);
  }
}

function toPosition(raw: RawPosition): AccountPosition {
  let option: AccountPosition['option'] = null;
  if (raw.asset_class === 'us_option') {
    const occ = parseOccSymbol(raw.symbol);
    if (!occ) throw new MalformedPositionError(raw.symbol);
    option = occ;
  }
  return {
    symbol: raw.symbol,
    asset_class: raw.asset_class,
    qty: raw.qty,
    side: raw.side,
    avg_entry_price: raw.avg_entry_price,
    market_value: raw.market_value,
    cost_basis: raw.cost_basis,
    unrealized_pl: raw.unrealized_pl,
    current_price: raw.current_price,
    option,
  };
}

/**
 * The snapshot content from validated wire payloads: balances, and positions ordered by symbol
 * (so equal books hash equal). Decimal strings pass through exactly as Alpaca sent them.
 * @throws MalformedPositionError when an option position's symbol is not OCC.
 */
export function toAccountContent(account: RawAccount, positions: readonly RawPosition[]): AccountContent {
  return {
    account: {
      status: account.status,
      currency: account.currency,
      equity: account.equity,
      cash: account.cash,
      buying_power: account.buying_power,
      options_buying_power: account.options_buying_power ?? null,
      long_market_value: account.long_market_value,
      short_market_value: account.short_market_value,
      trading_blocked: account.trading_blocked,
      account_blocked: account.account_blocked,
      options_trading_level: account.options_trading_level ?? account.options_approved_level ?? null,
    },
    positions: positions
      .map(toPosition)
      .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0)),
  };
}

/** The account number as the owner may see it: its last four characters, masked. */
export function maskAccountNumber(accountNumber: string): string {
  return `••••${accountNumber.slice(-4)}`;
}

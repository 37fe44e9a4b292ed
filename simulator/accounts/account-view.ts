import type { SimulatorCore } from '../core';
import type { ChainRow } from '../market/chain-row';
import { newYorkDate } from '../market/sessions';
import { stableUuid } from '../random';
import type { HoldingSpec, SimAccount } from './sim-account';

/** A priced holding: what `/v2/positions` prints, before formatting. */
interface Priced {
  symbol: string;
  assetClass: 'us_equity' | 'us_option';
  qty: number;
  avgEntryPrice: number;
  price: number;
  lastdayPrice: number;
  /** 1 for shares, 100 for options. */
  multiplier: number;
}

const money = (n: number): string => n.toFixed(2);

function optionRow(
  core: SimulatorCore,
  spec: Extract<HoldingSpec, { kind: 'option' }>,
): ChainRow | undefined {
  const today = newYorkDate(core.nowMs());
  const rows = core.chain(spec.underlying).filter((r) => r.side === spec.side && r.expiry >= today);
  const expiry = [...new Set(rows.map((r) => r.expiry))].sort()[spec.dte];
  const target = core.stock(spec.underlying).day.open * (1 + spec.moneyness);
  let best: ChainRow | undefined;
  for (const row of rows) {
    if (row.expiry !== expiry) continue;
    if (!best || Math.abs(row.strike - target) < Math.abs(best.strike - target)) best = row;
  }
  return best;
}

function price(core: SimulatorCore, spec: HoldingSpec): Priced | undefined {
  if (spec.kind === 'stock') {
    const view = core.stock(spec.symbol);
    return {
      symbol: spec.symbol.toUpperCase(),
      assetClass: 'us_equity',
      qty: spec.qty,
      avgEntryPrice: spec.avgEntryPrice,
      price: view.last,
      lastdayPrice: view.previous.close,
      multiplier: 1,
    };
  }
  const row = optionRow(core, spec);
  if (!row) return undefined;
  const mid = row.quote ? (row.quote.bid + row.quote.ask) / 2 : (row.trade?.price ?? 0.01);
  return {
    symbol: row.symbol,
    assetClass: 'us_option',
    qty: spec.qty,
    avgEntryPrice: spec.avgEntryPrice,
    price: Math.max(0.01, Math.round(mid * 100) / 100),
    lastdayPrice: spec.avgEntryPrice,
    multiplier: 100,
  };
}

function positionBody(p: Priced): Record<string, unknown> {
  const marketValue = p.qty * p.price * p.multiplier;
  const costBasis = p.qty * p.avgEntryPrice * p.multiplier;
  const pl = marketValue - costBasis;
  return {
    asset_id: stableUuid('asset', p.symbol),
    symbol: p.symbol,
    exchange: p.assetClass === 'us_option' ? '' : 'ARCA',
    asset_class: p.assetClass,
    asset_marginable: p.assetClass === 'us_equity',
    qty: String(p.qty),
    qty_available: String(p.qty),
    avg_entry_price: money(p.avgEntryPrice),
    side: p.qty < 0 ? 'short' : 'long',
    market_value: money(marketValue),
    cost_basis: money(costBasis),
    unrealized_pl: money(pl),
    unrealized_plpc: costBasis === 0 ? '0' : (pl / Math.abs(costBasis)).toFixed(6),
    unrealized_intraday_pl: money((p.price - p.lastdayPrice) * p.qty * p.multiplier),
    unrealized_intraday_plpc: (p.price / p.lastdayPrice - 1).toFixed(6),
    current_price: money(p.price),
    lastday_price: money(p.lastdayPrice),
    change_today: (p.price / p.lastdayPrice - 1).toFixed(6),
  };
}

function pricedBook(core: SimulatorCore, account: SimAccount): Priced[] {
  return account.holdings.flatMap((spec) => price(core, spec) ?? []);
}

/** `GET /v2/positions`: the account's holdings priced at the simulated minute. */
export function positionsBody(core: SimulatorCore, account: SimAccount): unknown {
  return pricedBook(core, account).map(positionBody);
}

/** `GET /v2/account`: balances from cash and the priced book, Alpaca's field names, money as strings. */
export function accountBody(core: SimulatorCore, account: SimAccount): unknown {
  const book = pricedBook(core, account);
  const value = (p: Priced) => p.qty * p.price * p.multiplier;
  const long = book.filter((p) => p.qty > 0).reduce((s, p) => s + value(p), 0);
  const short = book.filter((p) => p.qty < 0).reduce((s, p) => s + value(p), 0);
  const equity = account.cash + long + short;
  return {
    id: account.id,
    account_number: account.accountNumber,
    status: 'ACTIVE',
    crypto_status: 'ACTIVE',
    currency: 'USD',
    cash: money(account.cash),
    portfolio_value: money(equity),
    equity: money(equity),
    last_equity: money(equity),
    buying_power: money(Math.max(0, account.cash * 2)),
    regt_buying_power: money(Math.max(0, account.cash * 2)),
    non_marginable_buying_power: money(Math.max(0, account.cash)),
    options_buying_power: money(Math.max(0, account.cash)),
    long_market_value: money(long),
    short_market_value: money(short),
    initial_margin: money(long * 0.5),
    maintenance_margin: money(long * 0.25),
    multiplier: '2',
    sma: '0',
    shorting_enabled: true,
    trading_blocked: false,
    transfers_blocked: false,
    account_blocked: false,
    trade_suspended_by_user: false,
    options_approved_level: 3,
    options_trading_level: 3,
    created_at: '2024-01-02T14:30:00Z',
  };
}

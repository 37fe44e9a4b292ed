import type { AccountBalances, AccountPosition } from '../contract/account-snapshot';
import type { MarketRegimeDocument } from '../contract/regime';
import { StoredSymbolRegime } from '../contract/regime';
import type { StrategyConfigFields } from '../contract/strategy-document';
import { expiryCloseMs, yearsToExpiry } from '../gex/time-to-expiry';
import {
  Decimal,
  type AccountSnapshot,
  type GammaScalperConfigInput,
  type Position,
  type RegimeView,
  type SymbolRegimeView,
} from '../../../strategies';

/**
 * Maps stored documents (already parsed by the contract's schemas) onto the strategies library's
 * own input types: decimal strings become the library's `Decimal`, snake_case becomes its fields.
 */

/** A symbol map of the regime document as the library's view. */
export function toSymbolRegimeView(key: string, stored: StoredSymbolRegime): SymbolRegimeView {
  return {
    symbol: key.toUpperCase(),
    netGex: new Decimal(stored.net_gex),
    gexRegime: stored.gex_regime,
    gexStrength: new Decimal(stored.gex_strength),
    totalGexDollar: new Decimal(stored.total_gex_dollar),
    spot: new Decimal(stored.spot_price),
    asOf: stored.as_of,
    stale: stored.stale,
  };
}

/** The regime document as the library's {@link RegimeView}; symbol maps that fail their schema are left out. */
export function toRegimeView(doc: MarketRegimeDocument): RegimeView {
  const symbols: SymbolRegimeView[] = [];
  for (const key of doc.symbols) {
    const parsed = StoredSymbolRegime.safeParse(doc[key]);
    if (parsed.success) symbols.push(toSymbolRegimeView(key, parsed.data));
  }
  return {
    lastUpdated: doc.last_updated,
    asOf: doc.as_of,
    marketOpen: doc.market_open,
    stale: doc.stale,
    symbols,
  };
}

/** The snapshot's balances as the library's {@link AccountSnapshot}. */
export function toAccountSnapshot(account: AccountBalances): AccountSnapshot {
  return {
    equity: new Decimal(account.equity),
    cash: new Decimal(account.cash),
    buyingPower: new Decimal(account.buying_power),
    optionsBuyingPower: new Decimal(account.options_buying_power ?? '0'),
    status: account.status,
    tradingBlocked: account.trading_blocked,
    accountBlocked: account.account_blocked,
    // The snapshot does not carry Alpaca's trade_suspended_by_user; trading_blocked covers a block.
    tradeSuspendedByUser: false,
  };
}

/**
 * The snapshot's positions as the library's positions at `asOfMs`: stocks, and options with their
 * years to the expiry's close (16:00 New York). Crypto and expired options are left out and
 * returned as reasons.
 */
export function toPositions(
  positions: readonly AccountPosition[],
  asOfMs: number,
): { positions: Position[]; skipped: string[] } {
  const out: Position[] = [];
  const skipped: string[] = [];
  for (const p of positions) {
    const qty = new Decimal(p.qty);
    if (p.asset_class === 'us_equity') {
      out.push({
        kind: 'stock',
        symbol: p.symbol.toUpperCase(),
        qty,
        side: p.side,
        avgEntryPrice: new Decimal(p.avg_entry_price),
        currentPrice: new Decimal(p.current_price),
      });
      continue;
    }
    if (p.asset_class !== 'us_option' || !p.option) {
      skipped.push(`${p.symbol}: ${p.asset_class} positions are not hedged`);
      continue;
    }
    const years = yearsToExpiry(asOfMs, expiryCloseMs(p.option.expiry));
    if (years === null) {
      skipped.push(`${p.symbol}: expired`);
      continue;
    }
    out.push({
      kind: 'option',
      symbol: p.symbol,
      underlying: p.option.underlying.toUpperCase(),
      expiry: p.option.expiry,
      right: p.option.type,
      strike: new Decimal(p.option.strike),
      qty,
      side: p.side,
      currentPrice: new Decimal(p.current_price),
      multiplier: new Decimal(100),
      yearsToExpiry: years,
    });
  }
  return { positions: out, skipped };
}

/** The user's stored configuration as the library's overrides (absent fields keep the seed defaults). */
export function toConfigInput(fields: StrategyConfigFields): GammaScalperConfigInput {
  const input: GammaScalperConfigInput = {};
  if (fields.symbol !== undefined) input.symbol = fields.symbol;
  if (fields.hedge_threshold_positive !== undefined)
    input.hedgeThresholdPositive = fields.hedge_threshold_positive;
  if (fields.hedge_threshold_negative !== undefined)
    input.hedgeThresholdNegative = fields.hedge_threshold_negative;
  if (fields.allocation_positive !== undefined) input.allocationPositive = fields.allocation_positive;
  if (fields.allocation_negative !== undefined) input.allocationNegative = fields.allocation_negative;
  if (fields.max_position_shares !== undefined) input.maxPositionShares = fields.max_position_shares;
  if (fields.max_order_notional !== undefined) input.maxOrderNotional = fields.max_order_notional;
  if (fields.max_orders_per_day !== undefined) input.maxOrdersPerDay = fields.max_orders_per_day;
  return input;
}

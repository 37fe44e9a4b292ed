import type {
  AccountSnapshot,
  FallbackRegime,
  GexRegime,
  OptionPosition,
  RegimeView,
  StockPosition,
  SymbolRegimeView,
} from '../../../strategies';
import { Decimal } from '../../../strategies';

/** Evaluation time of the scenarios: 2025-05-16 10:00 New York. */
export const AS_OF = '2025-05-16T14:00:00.000Z';
/** Thirty seconds before {@link AS_OF}: a fresh document. */
export const FRESH = '2025-05-16T13:59:30.000Z';

export function symbolRegime(over: Partial<SymbolRegimeView> = {}): SymbolRegimeView {
  return {
    symbol: 'SPY',
    netGex: new Decimal('800000000'),
    gexRegime: 'POSITIVE',
    gexStrength: new Decimal('0.8'),
    totalGexDollar: new Decimal('2400000000'),
    spot: new Decimal('450'),
    asOf: FRESH,
    stale: false,
    ...over,
  };
}

/** A regime document with SPY in `regime` at `strength` billions (signed net GEX to match). */
export function regimeDoc(over: Partial<RegimeView> = {}, spy: Partial<SymbolRegimeView> = {}): RegimeView {
  return {
    lastUpdated: FRESH,
    asOf: FRESH,
    marketOpen: true,
    stale: false,
    symbols: [symbolRegime(spy), symbolRegime({ symbol: 'QQQ', spot: new Decimal('380') })],
    ...over,
  };
}

export function withRegime(gexRegime: GexRegime, strength: string): Partial<SymbolRegimeView> {
  const billions = new Decimal(strength);
  const sign = gexRegime === 'NEGATIVE' ? -1 : gexRegime === 'POSITIVE' ? 1 : 0;
  return { gexRegime, gexStrength: billions, netGex: billions.times(1e9).times(sign) };
}

export function fallback(over: Partial<FallbackRegime> = {}): FallbackRegime {
  return {
    gexRegime: 'NEGATIVE',
    gexStrength: new Decimal('2'),
    totalGexDollar: new Decimal('5e9'),
    ...over,
  };
}

export function account(over: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    equity: new Decimal('100000'),
    cash: new Decimal('50000'),
    buyingPower: new Decimal('200000'),
    optionsBuyingPower: new Decimal('50000'),
    status: 'ACTIVE',
    tradingBlocked: false,
    accountBlocked: false,
    tradeSuspendedByUser: false,
    ...over,
  };
}

export function stock(qty: string | number, over: Partial<StockPosition> = {}): StockPosition {
  const q = new Decimal(qty);
  return {
    kind: 'stock',
    symbol: 'SPY',
    qty: q,
    side: q.isNegative() ? 'short' : 'long',
    avgEntryPrice: new Decimal('440'),
    currentPrice: new Decimal('450'),
    ...over,
  };
}

/** The worked example's call: SPY 450 strike, a quarter-year out, priced at 19.66 (σ ≈ 20%). */
export function option(qty: string | number, over: Partial<OptionPosition> = {}): OptionPosition {
  const q = new Decimal(qty);
  return {
    kind: 'option',
    symbol: 'SPY250815C00450000',
    underlying: 'SPY',
    expiry: '2025-08-15',
    right: 'call',
    strike: new Decimal('450'),
    qty: q,
    side: q.isNegative() ? 'short' : 'long',
    currentPrice: new Decimal('19.66'),
    multiplier: new Decimal(100),
    yearsToExpiry: 0.25,
    ...over,
  };
}

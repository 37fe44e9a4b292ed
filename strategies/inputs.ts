import type { Decimal } from './num';

/** Sign of a symbol's dealer net GEX: POSITIVE (> 0, pinning), NEGATIVE (< 0, short gamma), NEUTRAL (0). */
export type GexRegime = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL';

/** One symbol of the regime document, as Decimals (`systemStatus/market_regime.<symbol>`). */
export interface SymbolRegimeView {
  /** Upper-case ticker of the underlying, e.g. "SPY". */
  symbol: string;
  /** Dealer net GEX, USD per $1 move of the underlying; calls positive, puts negative. */
  netGex: Decimal;
  gexRegime: GexRegime;
  /** |net GEX| in billions of USD per $1 move (>= 0). */
  gexStrength: Decimal;
  /** Call GEX + |put GEX|, USD per $1 move (>= 0). */
  totalGexDollar: Decimal;
  /** Spot of the underlying, USD (> 0). */
  spot: Decimal;
  /** Market-data time of these numbers (ISO-8601), or null when unknown. */
  asOf: string | null;
  /** True when the pulse could not refresh this symbol and it carries its last good numbers. */
  stale: boolean;
}

/** The regime document as the library needs it. */
export interface RegimeView {
  /** ISO-8601 time the document was written (`last_updated`). */
  lastUpdated: string;
  /** Market-data time of the newest numbers (`as_of`), or null. */
  asOf: string | null;
  /** The document's `market_open`. */
  marketOpen: boolean;
  /** True when no symbol could be refreshed (`stale`). */
  stale: boolean;
  /** The symbol maps present; looked up by upper-cased ticker. */
  symbols: readonly SymbolRegimeView[];
}

/**
 * A regime not read from a fresh document: an operator's override, or the last good symbol regime
 * the runner kept. `spot` is optional (an override usually has none).
 */
export interface FallbackRegime {
  gexRegime: GexRegime;
  /** |net GEX| in billions of USD per $1 move (>= 0). */
  gexStrength: Decimal;
  /** Call GEX + |put GEX|, USD per $1 move; zero when unknown. */
  totalGexDollar: Decimal;
  /** Spot of the underlying, USD, when known. */
  spot?: Decimal | null;
  /** When these numbers were true (ISO-8601), when known. */
  asOf?: string | null;
}

/** A brokerage account snapshot (Alpaca `GET /v2/account`), money in USD. */
export interface AccountSnapshot {
  equity: Decimal;
  cash: Decimal;
  buyingPower: Decimal;
  optionsBuyingPower: Decimal;
  /** Alpaca's account status; only "ACTIVE" trades. */
  status: string;
  tradingBlocked: boolean;
  accountBlocked: boolean;
  tradeSuspendedByUser: boolean;
}

/** A stock position. `qty` is signed: long positive, short negative (shares). */
export interface StockPosition {
  kind: 'stock';
  /** Upper-case ticker. */
  symbol: string;
  qty: Decimal;
  side: 'long' | 'short';
  /** Average entry price, USD per share. */
  avgEntryPrice: Decimal;
  /** Current price, USD per share. */
  currentPrice: Decimal;
}

/** An option position. `qty` is signed: long positive, short negative (contracts). */
export interface OptionPosition {
  kind: 'option';
  /** OCC symbol, e.g. "SPY260608C00759000". */
  symbol: string;
  /** Upper-case ticker of the underlying. */
  underlying: string;
  /** Expiry date, YYYY-MM-DD. */
  expiry: string;
  right: 'call' | 'put';
  /** Strike, USD. */
  strike: Decimal;
  qty: Decimal;
  side: 'long' | 'short';
  /** Current option price, USD per share (not per contract). */
  currentPrice: Decimal;
  /** Shares per contract (100 for standard contracts). */
  multiplier: Decimal;
  /** Years to the expiry's close, computed by the caller with the trading calendar (> 0). */
  yearsToExpiry: number;
}

/** A position of the book. */
export type Position = StockPosition | OptionPosition;

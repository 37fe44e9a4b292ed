import type { LastGoodRegimes, LastGoodSymbol } from '../contract/last-good-regime';
import { StoredSymbolRegime, type MarketRegimeDocument } from '../contract/regime';
import { Decimal, type FallbackRegime } from '../../../strategies';

/**
 * The symbols of a document that are good to keep as "last good": the document is not stale and
 * the symbol is present, parses and is not stale. Keys are upper-case tickers.
 */
export function freshSymbols(doc: MarketRegimeDocument): LastGoodRegimes {
  if (doc.stale) return {};
  const out: LastGoodRegimes = {};
  for (const key of doc.symbols) {
    const parsed = StoredSymbolRegime.safeParse(doc[key]);
    if (!parsed.success || parsed.data.stale) continue;
    const s = parsed.data;
    out[key.toUpperCase()] = {
      gex_regime: s.gex_regime,
      gex_strength: s.gex_strength,
      total_gex_dollar: s.total_gex_dollar,
      spot_price: s.spot_price,
      as_of: s.as_of,
    };
  }
  return out;
}

/** A kept symbol as the library's fallback input. */
export function toFallbackRegime(kept: LastGoodSymbol): FallbackRegime {
  return {
    gexRegime: kept.gex_regime,
    gexStrength: new Decimal(kept.gex_strength),
    totalGexDollar: new Decimal(kept.total_gex_dollar),
    spot: new Decimal(kept.spot_price),
    asOf: kept.as_of,
  };
}

/** The override param is not `REGIME:STRENGTH`. */
export class OverrideRegimeError extends Error {
  override readonly name = 'OverrideRegimeError';
  constructor(readonly value: string) {
    super(
      `STRATEGIES_OVERRIDE_REGIME must be none or REGIME:STRENGTH (e.g. NEGATIVE:1.8), got ${JSON.stringify(value)}`,
    );
  }
}

const OVERRIDE = /^(POSITIVE|NEGATIVE|NEUTRAL):(\d+(?:\.\d+)?)$/;

/**
 * The operator's override regime from its param: empty or `none` → none; `REGIME:STRENGTH` with the
 * strength in billions (e.g. `NEGATIVE:1.8`). It has no spot and no gross GEX (zero).
 * @throws OverrideRegimeError on anything else.
 */
export function parseOverrideRegime(value: string): FallbackRegime | null {
  const text = value.trim().toUpperCase();
  if (text === '' || text === 'NONE') return null;
  const match = OVERRIDE.exec(text);
  if (!match) throw new OverrideRegimeError(value);
  return {
    gexRegime: match[1] as FallbackRegime['gexRegime'],
    gexStrength: new Decimal(match[2] ?? '0'),
    totalGexDollar: new Decimal(0),
    spot: null,
    asOf: null,
  };
}

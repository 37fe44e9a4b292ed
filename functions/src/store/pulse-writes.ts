import type {
  GexProfileDocument,
  HistoryRow,
  MarketRegimeHeader,
  StoredSymbolRegime,
} from '../contract/regime';
import type { RegimeEvent } from '../contract/regime-event';

/**
 * Everything one pulse writes, as plain data. The store adds the server timestamps and commits it
 * in one transaction together with the lease release.
 */
export interface PulseWrites {
  /** `systemStatus/market_regime`: the header fields and one map per lower-case symbol key. */
  regime: {
    header: Omit<MarketRegimeHeader, 'timestamp'>;
    symbolMaps: Record<string, StoredSymbolRegime>;
  };
  /** `gexProfiles/{SYMBOL}` of the symbols computed fresh by this pulse. */
  profiles: Omit<GexProfileDocument, 'timestamp'>[];
  /** `regimeEvents/{id}` crossings seen by this pulse; an id already stored is left alone. */
  events: RegimeEvent[];
  /** `history/{id}`: one row per written pulse; `expireAt` feeds the TTL field `expire_at`. */
  history: { id: string; row: Omit<HistoryRow, 'timestamp' | 'expire_at'>; expireAt: Date };
}

import {
  symbolRegimeOf,
  type GexProfileDocument,
  type GexResult,
  type HistorySymbol,
  type MarketDataSourceInfo,
  type MarketRegimeDocument,
  type StoredSymbolRegime,
  type VolatilityBias,
} from '../contract/regime';
import { latestIso, mergeSymbol, type SymbolOutcome } from './merge-symbol';
import type { MarketClock } from '../market/market-source';
import type { PulseWrites } from '../store/pulse-writes';

/** What {@link buildPulseWrites} turns into documents: this pulse's outcomes and the previous document. */
export interface BuildWritesInput {
  /** Configured upper-case tickers, in order. */
  symbols: readonly string[];
  previous: MarketRegimeDocument | null;
  /** By upper-case ticker; a symbol with no entry counts as failed. */
  outcomes: Readonly<Record<string, SymbolOutcome>>;
  /** Null when the clock itself could not be read. */
  clock: MarketClock | null;
  /** ISO-8601 schedule time of this pulse. */
  pulseTime: string;
  /** ISO-8601 wall time of the write (`last_updated`). */
  writtenAt: string;
  apiCalls: number;
  durationMs: number;
  /** Pulse-level failure (clock unreachable, …). */
  pulseError: string | null;
  historyRetentionDays: number;
  /** Which source served the market data (the pulse's own Alpaca key). */
  marketDataSource: MarketDataSourceInfo;
}

const DAY_MS = 86_400_000;

/**
 * Turns one pulse's outcomes and the previous document into the documents to write. Pure.
 * Failed symbols keep their last good numbers (`stale: true`); a symbol that never succeeded is
 * listed in `missing_symbols` instead of being written with zeros.
 */
export function buildPulseWrites(input: BuildWritesInput): PulseWrites {
  const { symbolMaps, missing, profiles } = mergeSymbols(input);
  const header = buildHeader(input, symbolMaps, missing, profiles.length > 0);
  const historySymbols: Record<string, HistorySymbol> = {};
  for (const [key, map] of Object.entries(symbolMaps)) historySymbols[key] = toHistory(map);
  return {
    regime: { header, symbolMaps },
    profiles,
    history: {
      id: input.pulseTime,
      row: {
        pulse_time: input.pulseTime,
        as_of: header.as_of,
        market_open: header.market_open,
        stale: header.stale,
        symbols: historySymbols,
      },
      expireAt: new Date(Date.parse(input.pulseTime) + input.historyRetentionDays * DAY_MS),
    },
  };
}

/** Each configured symbol's map after this pulse, the never-computed ones, and fresh profiles. */
function mergeSymbols(input: BuildWritesInput) {
  const symbolMaps: Record<string, StoredSymbolRegime> = {};
  const missing: Record<string, string> = {};
  const profiles: Omit<GexProfileDocument, 'timestamp'>[] = [];
  for (const symbol of input.symbols) {
    const key = symbol.toLowerCase();
    const previous = input.previous ? symbolRegimeOf(input.previous, key) : null;
    const outcome = input.outcomes[symbol] ?? {
      ok: false,
      error: input.pulseError ?? 'no market data',
    };
    const merged = mergeSymbol(previous, outcome, input.pulseTime);
    if (merged.map) symbolMaps[key] = merged.map;
    else missing[key] = merged.error ?? 'no market data';
    if (merged.fresh && outcome.ok) profiles.push(toProfile(symbol, outcome.result, input.writtenAt));
  }
  return { symbolMaps, missing, profiles };
}

/**
 * The document's fixed fields. `stale` when nothing was computed fresh; `as_of` never goes back;
 * a clock failure keeps the last known `market_open`/`next_*`.
 */
function buildHeader(
  input: BuildWritesInput,
  symbolMaps: Record<string, StoredSymbolRegime>,
  missing: Record<string, string>,
  anyFresh: boolean,
): PulseWrites['regime']['header'] {
  const asOfs = Object.values(symbolMaps).map((m) => m.as_of);
  return {
    last_updated: input.writtenAt,
    market_volatility_bias: pickBias(input.symbols, symbolMaps),
    market_open: input.clock?.isOpen ?? input.previous?.market_open ?? true,
    stale: !anyFresh,
    error: input.pulseError ?? (anyFresh ? null : 'no symbol could be computed'),
    as_of: latestIso([input.previous?.as_of, ...asOfs]) ?? input.pulseTime,
    pulse_time: input.pulseTime,
    next_open: input.clock?.nextOpen ?? input.previous?.next_open ?? null,
    next_close: input.clock?.nextClose ?? input.previous?.next_close ?? null,
    symbols: Object.keys(symbolMaps),
    missing_symbols: missing,
    api_calls: input.apiCalls,
    duration_ms: Math.max(0, Math.round(input.durationMs)),
    market_data_source: input.marketDataSource,
  };
}

/**
 * SPY's bias (the seed's rule), the first configured symbol's when SPY is not configured. A stale
 * map keeps its last good bias with its numbers; a symbol with no numbers yet gives `Neutral`,
 * never another symbol's sign.
 */
function pickBias(symbols: readonly string[], maps: Record<string, StoredSymbolRegime>): VolatilityBias {
  const key = (symbols.includes('SPY') ? 'SPY' : (symbols[0] ?? '')).toLowerCase();
  return maps[key]?.volatility_bias ?? 'Neutral';
}

function toProfile(
  symbol: string,
  result: GexResult,
  writtenAt: string,
): Omit<GexProfileDocument, 'timestamp'> {
  const r = result.regime;
  return {
    symbol,
    last_updated: writtenAt,
    as_of: r.as_of,
    spot_price: r.spot_price,
    net_gex: r.net_gex,
    net_gex_per_pct: r.net_gex_per_pct,
    zero_gamma: r.zero_gamma,
    zero_gamma_reason: r.zero_gamma_reason,
    call_wall: r.call_wall,
    put_wall: r.put_wall,
    abs_gamma_strike: r.abs_gamma_strike,
    profile: result.profile,
    curve: result.curve,
  };
}

function toHistory(map: StoredSymbolRegime): HistorySymbol {
  return {
    net_gex: map.net_gex,
    net_gex_per_pct: map.net_gex_per_pct,
    spot_price: map.spot_price,
    zero_gamma: map.zero_gamma,
    call_wall: map.call_wall,
    put_wall: map.put_wall,
    volatility_bias: map.volatility_bias,
    stale: map.stale,
  };
}

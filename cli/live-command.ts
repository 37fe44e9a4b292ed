/**
 * `npm run gex -- live [--symbols SPY,QQQ] [--json] [--band-pct 10|all] [--feed indicative|opra]`
 *
 * One market-data cycle from Alpaca (or the bundled simulator, through `APCA_API_BASE_URL` /
 * `APCA_API_DATA_URL`) and the GEX engine on each chain. `--json` prints one JSON object keyed by
 * lower-case symbol, each value the regime map of the `compute` contract plus `market_open`;
 * a symbol that failed carries `{ error, error_kind }` instead and the exit code is 1.
 * Missing keys (exit 2) or an unreachable host (exit 1) print one line on stderr.
 */
import { parseArgs } from 'node:util';
import type { GexResult, SymbolRegime } from '../functions/src/contract/regime';
import { computeGex, GexInputError } from '../functions/src/gex/compute-gex';
import { AlpacaApiError } from '../functions/src/market/alpaca-api-error';
import { createAlpacaClient } from '../functions/src/market/alpaca-client';
import {
  type AlpacaConfig,
  AlpacaConfigError,
  alpacaConfigFromEnv,
  OptionFeed,
} from '../functions/src/market/alpaca-config';
import type { ChainFailure, MarketCycle, SymbolChainResult } from '../functions/src/market/market-cycle';
import { createMarketData } from '../functions/src/market/market-data';
import { DEFAULT_STRIKE_BAND_PCT } from '../functions/src/market/strike-band';
import { mergeAdapterQuality } from '../functions/src/market/merge-adapter-quality';
import type { CliIo } from './cli-io';
import { formatRegimeSummary } from './format-regime';

/** One symbol's value in the `--json` document: the regime map, or why it failed. */
export type LiveSymbolOutput =
  (SymbolRegime & { market_open: boolean }) | { error: string; error_kind: string; market_open: boolean };

type LiveSymbol =
  | { symbol: string; ok: true; result: GexResult }
  | { symbol: string; ok: false; error: { kind: string; message: string } };

interface LiveArgs {
  symbols: string[];
  json: boolean;
  bandPct: number | null;
  feed?: OptionFeed;
}

function parseLiveArgs(args: string[]): LiveArgs {
  const { values } = parseArgs({
    args,
    options: {
      symbols: { type: 'string', default: 'SPY,QQQ' },
      json: { type: 'boolean', default: false },
      'band-pct': { type: 'string', default: String(DEFAULT_STRIKE_BAND_PCT) },
      feed: { type: 'string' },
    },
  });
  const symbols = values.symbols
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  if (symbols.length === 0) throw new RangeError('--symbols needs at least one symbol');
  // One malformed symbol would fail the shared spot request, and with it every symbol.
  const bad = symbols.find((s) => !/^[A-Z][A-Z0-9./]{0,9}$/.test(s));
  if (bad !== undefined) throw new RangeError(`--symbols: "${bad}" is not a ticker symbol`);
  const band = values['band-pct'];
  const bandPct = band === 'all' ? null : Number(band);
  if (bandPct !== null && !(Number.isFinite(bandPct) && bandPct > 0))
    throw new RangeError(`--band-pct must be a positive number or "all", got "${band}"`);
  const feed = values.feed === undefined ? undefined : OptionFeed.safeParse(values.feed);
  if (feed?.success === false)
    throw new RangeError(`--feed must be "indicative" or "opra", got "${values.feed}"`);
  return { symbols, json: values.json, bandPct, feed: feed?.data };
}

/** Runs the engine on one loaded chain; the adapter's skips join the engine's `quality`. */
export function computeLive(result: SymbolChainResult): LiveSymbol {
  if (!result.ok) return { symbol: result.symbol, ok: false, error: result.error };
  try {
    const gex = computeGex(result.chain);
    return {
      symbol: result.symbol,
      ok: true,
      result: { ...gex, regime: mergeAdapterQuality(gex.regime, result.quality) },
    };
  } catch (error) {
    if (!(error instanceof GexInputError)) throw error;
    return { symbol: result.symbol, ok: false, error: { kind: 'bad_input', message: error.message } };
  }
}

/** The `--json` document: lower-case symbol → output, in the order asked. */
export function liveJson(
  symbols: readonly LiveSymbol[],
  marketOpen: boolean,
): Record<string, LiveSymbolOutput> {
  return Object.fromEntries(
    symbols.map((s): [string, LiveSymbolOutput] => [
      s.symbol.toLowerCase(),
      s.ok
        ? { ...s.result.regime, market_open: marketOpen }
        : { error: s.error.message, error_kind: s.error.kind, market_open: marketOpen },
    ]),
  );
}

function formatLiveText(cycle: MarketCycle, symbols: readonly LiveSymbol[]): string {
  const market = cycle.marketOpen ? 'open' : `closed (next open ${cycle.nextOpen})`;
  const header = [
    `Market ${market} at ${cycle.asOf} (Alpaca clock); 0DTE session ${cycle.sessions.zeroDte}, 1DTE session ${cycle.sessions.oneDte}`,
    `Alpaca calls: ${cycle.calls.marketData} market data, ${cycle.calls.trading} trading, in ${cycle.elapsedMs} ms`,
    ...multiPageNotes(cycle),
  ];
  const blocks = symbols.map((s) =>
    s.ok
      ? formatRegimeSummary(s.symbol, s.result)
      : `${s.symbol}  failed (${s.error.kind}): ${s.error.message}`,
  );
  return [...header, '', blocks.join('\n\n')].join('\n');
}

/** A note per symbol whose chain took more than one page (each page is one market-data call). */
function multiPageNotes(cycle: MarketCycle): string[] {
  return Object.values(cycle.symbols).flatMap((r) => {
    if (!r.ok || r.quality.chainPages <= 1) return [];
    const band = r.quality.strikeBand;
    const strikes = band ? `strikes ${band.gte}–${band.lte}` : 'every strike';
    return [
      `Note: ${r.symbol} chain took ${r.quality.chainPages} pages (${strikes}); each page is one market-data call`,
    ];
  });
}

function configFrom(args: LiveArgs, io: CliIo): AlpacaConfig {
  const config = { ...alpacaConfigFromEnv(io.env), ...(io.fetch ? { fetchApi: io.fetch } : {}) };
  return args.feed ? { ...config, optionFeed: args.feed } : config;
}

const isUnreachable = (kind: string): boolean => kind === 'network' || kind === 'timeout';

function unreachableLine(failure: { endpoint: string; message: string }, config: AlpacaConfig): string {
  const { endpoint, message } = failure;
  const onData = endpoint.startsWith('/v2/stocks') || endpoint.startsWith('/v1beta1');
  return `live: cannot reach Alpaca at ${onData ? config.dataBaseUrl : config.tradingBaseUrl} (${message})`;
}

/** Every symbol failed because a host could not be reached (e.g. the market-data host is down). */
function hostDown(cycle: MarketCycle): (ChainFailure & { endpoint: string }) | undefined {
  const failures = Object.values(cycle.symbols).map((r) => (r.ok ? undefined : r.error));
  const all = failures.every((f) => f !== undefined && isUnreachable(f.kind) && f.endpoint !== null);
  const first = failures[0];
  return all && first?.endpoint ? { ...first, endpoint: first.endpoint } : undefined;
}

function describeFailure(error: unknown, config: AlpacaConfig): string {
  if (error instanceof AlpacaApiError && isUnreachable(error.kind)) return unreachableLine(error, config);
  if (error instanceof AlpacaApiError && error.kind === 'auth') {
    return `live: Alpaca rejected the keys (${error.message}); check APCA_API_KEY_ID / APCA_API_SECRET_KEY`;
  }
  return `live: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * `gex live`: reads `APCA_API_*` from `io.env`, talks to Alpaca through `io.fetch` (default the
 * global fetch), prints to `io.stdout` / `io.stderr`.
 * @returns the exit code: 0 ok, 1 a symbol or the cycle failed, 2 bad usage or config.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: LiveArgs;
  let config: AlpacaConfig;
  try {
    parsed = parseLiveArgs(args);
    config = configFrom(parsed, io);
  } catch (error) {
    const hint =
      error instanceof AlpacaConfigError && /^APCA_API_(KEY_ID|SECRET_KEY)$/.test(error.field)
        ? ' (or point APCA_API_BASE_URL/APCA_API_DATA_URL at `npm run simulator`)'
        : '';
    io.stderr(`live: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
    return 2;
  }
  const marketData = createMarketData({
    client: createAlpacaClient(config),
    feed: config.optionFeed,
    strikeBandPct: parsed.bandPct,
  });
  let cycle: MarketCycle;
  try {
    cycle = await marketData.loadChains(parsed.symbols);
  } catch (error) {
    io.stderr(`${describeFailure(error, config)}\n`);
    return 1;
  }
  const down = hostDown(cycle);
  if (down) {
    io.stderr(`${unreachableLine(down, config)}\n`);
    return 1;
  }
  const symbols = Object.values(cycle.symbols).map(computeLive);
  const text = parsed.json
    ? JSON.stringify(liveJson(symbols, cycle.marketOpen), null, 2)
    : formatLiveText(cycle, symbols);
  io.stdout(`${text}\n`);
  return symbols.every((s) => s.ok) ? 0 : 1;
}

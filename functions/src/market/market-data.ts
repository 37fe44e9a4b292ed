import pLimit from 'p-limit';
import { selectExpiryBuckets } from '../calendar/select-expiry-buckets';
import type { TradingSession } from '../calendar/types';
import { DEFAULT_STRIKE_BAND_PCT } from './strike-band';
import { AlpacaApiError, toAlpacaApiError } from './alpaca-api-error';
import type { AlpacaClient } from './alpaca-client';
import type { OptionFeed } from './alpaca-config';
import { type CallCounts, diffCallCounts } from './call-counter';
import { createMemoryDailyCache } from './daily-cache';
import type { ChainOptions, SpotResult } from './chain-request';
import { type CycleContext, loadSymbolChain } from './load-symbol-chain';
import { type Speculation, startSpeculation, type WarmCycle } from './speculative-chains';
import { type ChainFailure, ChainLoadError, type MarketCycle, type SymbolChainResult } from './market-cycle';
import type { OpenInterestCache } from './open-interest';
import { type CalendarCache, loadTradingSessions } from './trading-sessions';
import type { RawClock } from './wire-schemas';

/** What {@link createMarketData} is built on: the client, the daily caches and the tuning (all optional but the client). */
export interface MarketDataDeps {
  client: AlpacaClient;
  /** Daily OI cache; default in-memory (the pulse passes a Firestore-backed one). */
  openInterestCache?: OpenInterestCache;
  /** Daily calendar cache; default in-memory. */
  calendarCache?: CalendarCache;
  feed?: OptionFeed;
  /** Strike band half-width around spot, percent (default {@link DEFAULT_STRIKE_BAND_PCT}); null = every strike. */
  strikeBandPct?: number | null;
  /** Snapshot page size (Alpaca max 1000, default 1000) and page cap (default 10). */
  chainPageLimit?: number;
  maxChainPages?: number;
  /** Contract-list page size (Alpaca max 10000, default 10000) and page cap (default 5). */
  contractsPageLimit?: number;
  maxContractPages?: number;
  /** Deadline of a whole cycle, ms (default 40000), on top of the client's per-request deadline. */
  cycleDeadlineMs?: number;
  /** Symbols loaded at once (default 4). */
  concurrency?: number;
}

/** Per-call options of {@link MarketData.loadChains}. */
export interface LoadChainsOptions {
  /** Aborts the cycle (on top of its own deadline). */
  signal?: AbortSignal;
  /** A `/v2/clock` reading the caller already made this cycle; saves one trading call and a round trip. */
  clock?: RawClock;
  /** Requests {@link MarketData.speculate} started for this cycle: used where they still fit. */
  speculation?: Speculation;
}

/** The adapter's market-data loader (see {@link createMarketData}). */
export interface MarketData {
  /**
   * One cycle: Alpaca's clock and the latest trades of all symbols at once, then the calendar
   * (daily cache), then per symbol the contract list (daily cache) and the chain in parallel.
   * Steady state: clock + 1 spot request + 1 chain request per symbol.
   * A failing symbol is reported in its result and never fails the others.
   * @throws AlpacaApiError when the clock or the calendar cannot be read (no symbol can be placed in time).
   */
  loadChains(symbols: readonly string[], options?: LoadChainsOptions): Promise<MarketCycle>;
  /**
   * Starts the next cycle's spot and chain requests now (e.g. beside the clock request), on the
   * last open-market cycle's sessions and a band a little wider than its strike bands; hand the
   * result to {@link MarketData.loadChains}, which keeps what still fits and asks again for the
   * rest. Undefined when there is no such cycle to go by (cold start, market closed).
   */
  speculate(): Speculation | undefined;
}

function failureOf(error: unknown, fallbackEndpoint: string): ChainFailure {
  if (error instanceof ChainLoadError)
    return { kind: error.kind, message: error.message, endpoint: null, status: null, requestId: null };
  const api = error instanceof AlpacaApiError ? error : toAlpacaApiError(fallbackEndpoint, error);
  const { kind, message, endpoint, status, requestId } = api;
  return { kind, message, endpoint, status, requestId };
}

function settleSpot(
  client: AlpacaClient,
  symbols: readonly string[],
  signal: AbortSignal,
): Promise<SpotResult> {
  return client
    .getLatestTrades(symbols, signal)
    .catch((error: unknown) => toAlpacaApiError('/v2/stocks/trades/latest', error));
}

function chainOptionsOf(deps: MarketDataDeps): ChainOptions {
  return {
    feed: deps.feed ?? 'indicative',
    strikeBandPct: deps.strikeBandPct === undefined ? DEFAULT_STRIKE_BAND_PCT : deps.strikeBandPct,
    chainPageLimit: deps.chainPageLimit ?? 1000,
    maxChainPages: deps.maxChainPages ?? 10,
    contractsPageLimit: deps.contractsPageLimit ?? 10_000,
    maxContractPages: deps.maxContractPages ?? 5,
  };
}

async function symbolResult(
  symbol: string,
  ctx: CycleContext,
  counts: () => CallCounts,
): Promise<SymbolChainResult> {
  try {
    const loaded = await loadSymbolChain(symbol, ctx);
    return { symbol, ok: true, ...loaded, calls: counts().bySymbol[symbol] ?? { marketData: 0, trading: 0 } };
  } catch (error) {
    const calls = counts().bySymbol[symbol] ?? { marketData: 0, trading: 0 };
    return { symbol, ok: false, error: failureOf(error, '/v1beta1/options/snapshots/{underlying}'), calls };
  }
}

/** The 0DTE and 1DTE session dates at `asOf`; a calendar too short for them is a malformed answer. */
function sessionDatesOf(
  asOf: string,
  sessions: readonly TradingSession[],
): { zeroDte: string; oneDte: string } {
  try {
    const buckets = selectExpiryBuckets({ asOf, sessions, listedExpiries: [] });
    return { zeroDte: buckets.zeroDte.session, oneDte: buckets.oneDte.session };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AlpacaApiError('/v2/calendar', 'malformed', null, `/v2/calendar: ${detail}`, { cause: error });
  }
}

const sameSymbols = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((s, i) => s === b[i]);

/** What an open-market cycle leaves for the next one to speculate on: sessions and usable spots. */
async function warmCycleOf(
  symbols: readonly string[],
  sessionDates: { zeroDte: string; oneDte: string },
  spot: Promise<SpotResult>,
): Promise<WarmCycle | undefined> {
  const trades = await spot;
  if (trades instanceof AlpacaApiError) return undefined;
  const spots = new Map<string, number>();
  for (const symbol of symbols) {
    const price = Number(trades.get(symbol)?.p);
    if (Number.isFinite(price) && price > 0) spots.set(symbol, price);
  }
  return { symbols, sessionDates, spots };
}

/** Builds the adapter's market-data loader on an {@link AlpacaClient}. */
export function createMarketData(deps: MarketDataDeps): MarketData {
  const { client } = deps;
  const openInterestCache = deps.openInterestCache ?? createMemoryDailyCache();
  const calendarCache = deps.calendarCache ?? createMemoryDailyCache();
  const options = chainOptionsOf(deps);
  const limit = pLimit(deps.concurrency ?? 4);
  const cycleDeadlineMs = deps.cycleDeadlineMs ?? 40_000;
  let warm: WarmCycle | undefined;

  return {
    speculate() {
      if (!warm) return undefined;
      return startSpeculation({ client, warm, options, signal: AbortSignal.timeout(cycleDeadlineMs) });
    },
    async loadChains(requested, { signal: callerSignal, clock: knownClock, speculation } = {}) {
      const symbols = [...new Set(requested.map((s) => s.trim().toUpperCase()).filter(Boolean))];
      const started = performance.now();
      const before = client.calls.snapshot();
      const deadline = AbortSignal.timeout(cycleDeadlineMs);
      const signal = callerSignal ? AbortSignal.any([deadline, callerSignal]) : deadline;
      const fits = speculation !== undefined && sameSymbols(speculation.symbols, symbols);
      const spot = fits
        ? speculation.spot
        : symbols.length > 0
          ? settleSpot(client, symbols, signal)
          : Promise.resolve(new Map());
      // `spot` never rejects, so a failing clock leaves no dangling rejection behind.
      const clock = knownClock ?? (await client.getClock(signal));
      const calendar = await loadTradingSessions({
        client,
        cache: calendarCache,
        asOf: clock.timestamp,
        signal,
      });
      const sessionDates = sessionDatesOf(clock.timestamp, calendar.sessions);
      const ctx: CycleContext = {
        client,
        openInterestCache,
        options,
        asOf: clock.timestamp,
        sessions: calendar.sessions,
        sessionDates,
        spot,
        ...(fits ? { speculation } : {}),
        signal,
      };
      const counts = () => diffCallCounts(before, client.calls.snapshot());
      const results = await Promise.all(
        symbols.map((symbol) => limit(() => symbolResult(symbol, ctx, counts))),
      );
      warm = clock.is_open ? await warmCycleOf(symbols, sessionDates, spot) : undefined;
      // Speculative requests not used are still waited for: each counts against the rate limit,
      // and none is left running into the next cycle.
      await speculation?.settled;
      return {
        asOf: clock.timestamp,
        marketOpen: clock.is_open,
        nextOpen: clock.next_open,
        nextClose: clock.next_close,
        sessions: sessionDates,
        calendarCached: calendar.cached,
        calls: counts(),
        elapsedMs: Math.round(performance.now() - started),
        symbols: Object.fromEntries(results.map((r) => [r.symbol, r])),
      };
    },
  };
}

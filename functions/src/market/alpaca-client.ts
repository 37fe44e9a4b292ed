import { marketData, trading } from '@alpacahq/alpaca-trade-api/rest';
import type { AlpacaConfig } from './alpaca-config';
import type { ChainQuery, ContractsQuery, Paged } from './alpaca-queries';
import { type CallCounter, createCallCounter } from './call-counter';
import {
  collectPages,
  fetchChainPage,
  fetchContractsPage,
  fetchLatestTrades,
  init,
  utcDate,
} from './alpaca-requests';
import { readWire } from './read-wire';
import {
  RawCalendar,
  type RawCalendarDay,
  RawClock,
  type RawOptionContract,
  type RawOptionSnapshot,
  type RawStockTrade,
} from './wire-schemas';

/** The Alpaca calls the adapter makes, each validated at the edge. All methods throw `AlpacaApiError`. */
export interface AlpacaClient {
  getClock(signal?: AbortSignal): Promise<RawClock>;
  /** Trading days in `[start, end]` (`YYYY-MM-DD`, New York). */
  getCalendar(range: { start: string; end: string }, signal?: AbortSignal): Promise<RawCalendarDay[]>;
  listOptionContracts(query: ContractsQuery, signal?: AbortSignal): Promise<Paged<RawOptionContract>>;
  getOptionChain(
    query: ChainQuery,
    signal?: AbortSignal,
  ): Promise<Paged<[occSymbol: string, snapshot: RawOptionSnapshot]>>;
  /** Latest trade per symbol, in one request; a symbol missing or malformed is simply absent. */
  getLatestTrades(symbols: readonly string[], signal?: AbortSignal): Promise<Map<string, RawStockTrade>>;
  /** Every request attempt made through this client. */
  readonly calls: CallCounter;
}

function sdkConfigs(config: AlpacaConfig, calls: CallCounter) {
  const shared = {
    keyId: config.keyId,
    secret: config.secretKey,
    timeoutMs: config.requestTimeoutMs ?? 8_000,
    retry: {
      maxRetries: config.maxRetries ?? 2,
      retryDelayMs: config.retryDelayMs ?? 250,
      maxDelayMs: config.maxRetryDelayMs ?? 2_000,
      respectRetryAfter: true,
    },
    rateLimit: { maxRequests: config.maxRequestsPerMinute ?? 200, intervalMs: 60_000 },
    ...(config.fetchApi ? { fetchApi: config.fetchApi } : {}),
  };
  return {
    trading: new trading.Configuration({
      ...shared,
      basePath: config.tradingBaseUrl,
      middleware: [calls.middleware('trading')],
    }),
    data: new marketData.Configuration({
      ...shared,
      basePath: config.dataBaseUrl,
      middleware: [calls.middleware('marketData')],
    }),
  };
}

/**
 * Builds the adapter's Alpaca client on the SDK's raw `trading.*Api` / `marketData.*Api` classes
 * with explicit `basePath`s (the `Alpaca` facade has no host option), so one code path serves
 * paper, live and the simulator. Retry (429 with `Retry-After`, 5xx, network), per-attempt
 * timeout and the per-host token bucket are the SDK's, configured from {@link AlpacaConfig}.
 */
export function createAlpacaClient(config: AlpacaConfig): AlpacaClient {
  const calls = createCallCounter();
  const cfg = sdkConfigs(config, calls);
  const clockApi = new trading.ClockApi(cfg.trading);
  const calendarApi = new trading.CalendarApi(cfg.trading);
  const assetsApi = new trading.AssetsApi(cfg.trading);
  const optionApi = new marketData.OptionApi(cfg.data);
  const stockApi = new marketData.StockApi(cfg.data);

  return {
    calls,
    getClock: (signal) => readWire('/v2/clock', () => clockApi.legacyClockRaw(init(signal)), RawClock),
    getCalendar: ({ start, end }, signal) =>
      readWire(
        '/v2/calendar',
        () => calendarApi.legacyCalendarRaw({ start: utcDate(start), end: utcDate(end) }, init(signal)),
        RawCalendar,
      ),
    listOptionContracts: (q, signal) =>
      collectPages(q.maxPages, (token) => fetchContractsPage(assetsApi, q, token, signal)),
    getOptionChain: (q, signal) =>
      collectPages(q.maxPages, (token) => fetchChainPage(optionApi, q, token, signal)),
    getLatestTrades: (symbols, signal) => fetchLatestTrades(stockApi, symbols, signal),
  };
}

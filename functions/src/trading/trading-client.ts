import { trading } from '@alpacahq/alpaca-trade-api/rest';
import { readWire } from '../market/read-wire';
import { RawAccount, RawPositions, type RawPosition } from './trading-wire';

/** How a user's Alpaca account authenticates: an API key pair or an OAuth access token. */
export type TradingCredentials = { keyId: string; secretKey: string } | { accessToken: string };

/** Settings of one user's trading client. */
export interface TradingClientConfig {
  /** Trading API host, e.g. `https://paper-api.alpaca.markets` (no `/v2`). */
  baseUrl: string;
  credentials: TradingCredentials;
  /** Per-attempt deadline, ms. Default 5000. */
  timeoutMs?: number;
  /** SDK retries on 5xx / network / 429. Default 1. */
  maxRetries?: number;
  fetchApi?: typeof fetch;
}

type SdkParameters = NonNullable<ConstructorParameters<typeof trading.Configuration>[0]>;

/**
 * The SDK configuration of one user's trading calls: an explicit `basePath` (paper, live and the
 * simulator share one path), the user's credentials (to the SDK only: headers or a bearer token),
 * a per-attempt deadline, `maxRetries` SDK retries on 5xx / network / 429 (the SDK never retries a
 * POST) and its own rate limiter (Alpaca limits per account).
 */
export function tradingConfiguration(
  config: TradingClientConfig,
  middleware: SdkParameters['middleware'] = [],
): trading.Configuration {
  const auth =
    'accessToken' in config.credentials
      ? { accessToken: config.credentials.accessToken }
      : { keyId: config.credentials.keyId, secret: config.credentials.secretKey };
  return new trading.Configuration({
    ...auth,
    basePath: config.baseUrl,
    timeoutMs: config.timeoutMs ?? 5_000,
    retry: {
      maxRetries: config.maxRetries ?? 1,
      retryDelayMs: 200,
      maxDelayMs: 1_000,
      respectRetryAfter: false,
    },
    rateLimit: { maxRequests: 200, intervalMs: 60_000 },
    middleware,
    ...(config.fetchApi ? { fetchApi: config.fetchApi } : {}),
  });
}

/** The calls the account sync and the connect check make. Both throw `AlpacaApiError`. */
export interface TradingClient {
  getAccount(signal?: AbortSignal): Promise<RawAccount>;
  listPositions(signal?: AbortSignal): Promise<RawPosition[]>;
  /** Request attempts made so far (retries included). */
  calls(): number;
}

/**
 * One user's Alpaca trading client: the SDK's raw `trading.AccountsApi` / `PositionsApi` on a
 * `Configuration` with an explicit `basePath`, so paper, live and the simulator share one path.
 * Credentials go to the SDK only (headers or a bearer token); they are never logged or echoed in
 * errors. Each client has its own SDK rate limiter (Alpaca limits per account).
 */
export function createTradingClient(config: TradingClientConfig): TradingClient {
  let calls = 0;
  const count = {
    pre: () => {
      calls += 1;
      return Promise.resolve();
    },
  };
  const sdk = tradingConfiguration(config, [count]);
  const accounts = new trading.AccountsApi(sdk);
  const positions = new trading.PositionsApi(sdk);
  const init = (signal?: AbortSignal) => (signal ? { signal } : undefined);
  return {
    getAccount: (signal) => readWire('/v2/account', () => accounts.getAccountRaw(init(signal)), RawAccount),
    listPositions: (signal) =>
      readWire('/v2/positions', () => positions.getAllOpenPositionsRaw(init(signal)), RawPositions),
    calls: () => calls,
  };
}

import type { trading } from '@alpacahq/alpaca-trade-api/rest';
import { z } from 'zod';

type FetchAPI = trading.FetchAPI;

/** Option-chain feed: `indicative` (free, delayed/derived) or `opra` (paid subscription). */
export const OptionFeed = z.enum(['indicative', 'opra']);
export type OptionFeed = z.infer<typeof OptionFeed>;

/** Alpaca's public hosts; the `APCA_API_*_URL` overrides point the same code at paper, live or a simulator. */
export const ALPACA_PAPER_TRADING_URL = 'https://paper-api.alpaca.markets';
export const ALPACA_DATA_URL = 'https://data.alpaca.markets';

/**
 * Everything the adapter needs to reach Alpaca, as plain values (no `process.env` inside the
 * adapter): the CLI reads them with {@link alpacaConfigFromEnv}, the pulse from params/secrets.
 */
export interface AlpacaConfig {
  keyId: string;
  secretKey: string;
  /** Trading API base URL (clock, calendar, option contracts), no trailing slash. */
  tradingBaseUrl: string;
  /** Market-data API base URL (option chain, stock latest trades), no trailing slash. */
  dataBaseUrl: string;
  optionFeed: OptionFeed;
  /** Per-attempt deadline of one HTTP request, ms (SDK `timeoutMs`). Default 8000. */
  requestTimeoutMs?: number;
  /** Retries after the first attempt for 408/425/429/5xx and network errors (SDK `retry`). Default 2. */
  maxRetries?: number;
  /** Base of the SDK's exponential backoff, ms. Default 250. */
  retryDelayMs?: number;
  /** Cap of one backoff or `Retry-After` wait, ms. Default 2000 (keeps a pulse inside its minute). */
  maxRetryDelayMs?: number;
  /** Client-side token bucket per host (SDK `rateLimit`): requests per minute. Default 200. */
  maxRequestsPerMinute?: number;
  /** Transport override (SDK `fetchApi`), e.g. the SDK's `/testing` `mockFetch` in unit tests. */
  fetchApi?: FetchAPI;
}

/** Thrown when required configuration is missing or invalid; `field` names the variable. */
export class AlpacaConfigError extends Error {
  override readonly name = 'AlpacaConfigError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A host override as a base URL: http(s) only, without trailing slashes or a trailing API version
 * (`/v2`, `/v1beta1`), since Alpaca's docs often write the hosts with one and the paths add it.
 * @throws AlpacaConfigError naming `name` when the value is not an http(s) URL.
 */
function baseUrl(name: string, value: string | undefined, fallback: string): string {
  const text = value?.trim() || fallback;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new AlpacaConfigError(name, `${name} must be an http(s) URL, got "${text}"`);
  }
  return text.replace(/\/+$/, '').replace(/\/v(2|1beta1)$/, '');
}

/**
 * Reads Alpaca's conventional variables: `APCA_API_KEY_ID`, `APCA_API_SECRET_KEY`, host overrides
 * `APCA_API_BASE_URL` (trading; default paper) and `APCA_API_DATA_URL` (market data), and
 * `APCA_OPTIONS_FEED` (`indicative` default, `opra`). Call it at the edge (CLI), never in the core.
 * A host URL ending in `/v2` (as Alpaca's docs often write it) is accepted and trimmed.
 * @throws AlpacaConfigError when the key or secret is missing, a host is not an http(s) URL, or
 *   the feed is unknown.
 */
export function alpacaConfigFromEnv(env: Readonly<Record<string, string | undefined>>): AlpacaConfig {
  const keyId = env.APCA_API_KEY_ID?.trim();
  const secretKey = env.APCA_API_SECRET_KEY?.trim();
  if (!keyId) throw new AlpacaConfigError('APCA_API_KEY_ID', 'APCA_API_KEY_ID is not set');
  if (!secretKey) throw new AlpacaConfigError('APCA_API_SECRET_KEY', 'APCA_API_SECRET_KEY is not set');
  const feed = OptionFeed.safeParse(env.APCA_OPTIONS_FEED?.trim() || 'indicative');
  if (!feed.success) {
    throw new AlpacaConfigError(
      'APCA_OPTIONS_FEED',
      `APCA_OPTIONS_FEED must be "indicative" or "opra", got "${env.APCA_OPTIONS_FEED}"`,
    );
  }
  return {
    keyId,
    secretKey,
    tradingBaseUrl: baseUrl('APCA_API_BASE_URL', env.APCA_API_BASE_URL, ALPACA_PAPER_TRADING_URL),
    dataBaseUrl: baseUrl('APCA_API_DATA_URL', env.APCA_API_DATA_URL, ALPACA_DATA_URL),
    optionFeed: feed.data,
  };
}

/**
 * A host param as a base URL by the same rules as the environment's overrides.
 * @throws AlpacaConfigError naming `name` when `value` is not an http(s) URL.
 */
export function normalizeHost(name: string, value: string): string {
  return baseUrl(name, value, value);
}

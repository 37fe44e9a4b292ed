import { ApiError, FetchError, RateLimitError } from '@alpacahq/alpaca-trade-api/rest';

/** What went wrong with one Alpaca call, for callers that branch on it. */
export type AlpacaErrorKind =
  | 'auth' // 401/403: missing or wrong keys, or no subscription for the feed
  | 'rate_limited' // 429 after the SDK's retries
  | 'http' // any other non-2xx after the SDK's retries (5xx, 404, 422 …)
  | 'timeout' // a request or the whole cycle ran past its deadline
  | 'network' // connection refused, reset, DNS: the host is unreachable
  | 'malformed'; // 2xx but the body is not JSON or not the expected envelope

/**
 * A failed Alpaca call: which endpoint (path template, e.g. `/v2/options/contracts`), the HTTP
 * status when there was a response, a {@link AlpacaErrorKind}, and Alpaca's `X-Request-ID` when
 * the response carried one (for log lines and support tickets, never for stored documents).
 * Built by {@link toAlpacaApiError} and the wire reader; the message never contains credentials.
 */
export class AlpacaApiError extends Error {
  override readonly name = 'AlpacaApiError';
  /** Alpaca's `X-Request-ID` of the failed response, null when there was none. */
  readonly requestId: string | null;
  constructor(
    readonly endpoint: string,
    readonly kind: AlpacaErrorKind,
    readonly status: number | null,
    message: string,
    options?: { cause?: unknown; requestId?: string | null },
  ) {
    super(message, options);
    this.requestId = options?.requestId ?? null;
  }
}

function describeCause(error: FetchError): { kind: AlpacaErrorKind; detail: string } {
  const cause = error.cause as (Error & { cause?: { code?: string } }) | undefined;
  if (cause?.name === 'TimeoutError' || cause?.name === 'AbortError') {
    return { kind: 'timeout', detail: cause.message || 'request aborted' };
  }
  // undici wraps the reason ("ECONNREFUSED", "bad port", a bad URL) in a generic "fetch failed".
  const root = cause?.cause as (Error & { code?: string }) | undefined;
  const detail = root?.code ?? (root?.message || cause?.message || error.message);
  return { kind: 'network', detail };
}

/**
 * Maps whatever a call threw (SDK `ApiError`/`FetchError`, a parse error, an abort) onto an
 * {@link AlpacaApiError}. Already-mapped errors pass through unchanged.
 */
export function toAlpacaApiError(endpoint: string, error: unknown): AlpacaApiError {
  if (error instanceof AlpacaApiError) return error;
  if (error instanceof RateLimitError) {
    return new AlpacaApiError(endpoint, 'rate_limited', 429, `${endpoint}: rate limited (429)`, {
      cause: error,
      requestId: error.requestId ?? null,
    });
  }
  if (error instanceof ApiError) {
    const kind = error.status === 401 || error.status === 403 ? 'auth' : 'http';
    const what = kind === 'auth' ? 'not authorized' : 'failed';
    const said = error.message ? `: ${error.message}` : '';
    return new AlpacaApiError(endpoint, kind, error.status, `${endpoint}: ${what} (${error.status})${said}`, {
      cause: error,
      requestId: error.requestId ?? null,
    });
  }
  if (error instanceof FetchError) {
    const { kind, detail } = describeCause(error);
    const what = kind === 'timeout' ? 'timed out' : 'unreachable';
    return new AlpacaApiError(endpoint, kind, null, `${endpoint}: ${what} (${detail})`, { cause: error });
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AlpacaApiError(endpoint, 'timeout', null, `${endpoint}: deadline exceeded`, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AlpacaApiError(endpoint, 'network', null, `${endpoint}: ${detail}`, { cause: error });
}

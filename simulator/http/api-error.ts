/** An Alpaca-style error answer: HTTP status plus the `{code, message}` body Alpaca sends. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** 400 with Alpaca's generic bad-request code. */
  static badRequest(message: string): ApiError {
    return new ApiError(400, 40010000, message);
  }

  /** 422, Alpaca's answer to a query it understood but rejects (bad limit, feed, date…). */
  static unprocessable(message: string): ApiError {
    return new ApiError(422, 42210000, message);
  }

  static notFound(message = 'endpoint not found'): ApiError {
    return new ApiError(404, 40410000, message);
  }

  /** An injected status fault; 429 carries `Retry-After` when asked. */
  static injected(status: number, retryAfterSeconds?: number): ApiError {
    const messages: Record<number, string> = {
      429: 'rate limit exceeded',
      500: 'internal server error',
      502: 'bad gateway',
      503: 'service unavailable',
      504: 'gateway timeout',
    };
    const headers: Record<string, string> =
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
    return new ApiError(status, status * 100_000 + 10_000, messages[status] ?? `error ${status}`, headers);
  }
}

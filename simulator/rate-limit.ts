import type { ApiHost } from './stats';

/** Alpaca's free-plan budget per host and minute, echoed in headers when nothing else is set. */
export const ALPACA_FREE_PER_MINUTE = 200;

/** The outcome of one request against the window. */
export interface RateDecision {
  /** `X-RateLimit-Limit`, `-Remaining`, `-Reset` (unix seconds). */
  headers: Record<string, string>;
  /** True when the request is over an enforced limit. */
  limited: boolean;
  /** Seconds until the window resets (for `Retry-After`). */
  retryAfterSeconds: number;
}

/**
 * Fixed one-minute windows of real time, per Alpaca host. Headers are always sent; a 429 is only
 * given when `perMinute` is set (off by default, so tests and demos are not throttled).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(public perMinute: number | null) {}

  hit(host: ApiHost | undefined, realNowMs: number): RateDecision {
    const key = host ?? 'other';
    const startMs = realNowMs - (realNowMs % 60_000);
    let window = this.windows.get(key);
    if (!window || window.startMs !== startMs) {
      window = { startMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const limit = this.perMinute ?? ALPACA_FREE_PER_MINUTE;
    const resetMs = startMs + 60_000;
    return {
      headers: {
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(Math.max(0, limit - window.count)),
        'X-RateLimit-Reset': String(Math.floor(resetMs / 1000)),
      },
      limited: this.perMinute !== null && window.count > this.perMinute,
      retryAfterSeconds: Math.max(1, Math.ceil((resetMs - realNowMs) / 1000)),
    };
  }

  clear(): void {
    this.windows.clear();
  }
}

/** Which Alpaca host an endpoint belongs to. */
export type ApiHost = 'trading' | 'marketData';

/** Request counts as `GET /_sim/stats` serves them. */
export interface StatsSnapshot {
  /** Per `METHOD /path` (no query string), faulted and rejected requests included. */
  requests: Record<string, number>;
  total: number;
  marketData: number;
  trading: number;
}

/** Alpaca's free-plan budget, echoed in `X-RateLimit-*` headers (not enforced). */
const RATE_LIMIT_PER_MINUTE = 200;

/** Counts requests per endpoint and keeps a one-minute window for the rate-limit headers. */
export class RequestStats {
  private counts = new Map<string, number>();
  private byHost = { trading: 0, marketData: 0 };
  private window = { startMs: 0, count: 0 };

  record(method: string, path: string, host: ApiHost | undefined, realNowMs: number): void {
    const key = `${method} ${path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (host) this.byHost[host] += 1;
    const minuteStart = realNowMs - (realNowMs % 60_000);
    if (this.window.startMs !== minuteStart) this.window = { startMs: minuteStart, count: 0 };
    this.window.count += 1;
  }

  /** Values for `X-RateLimit-Limit`, `-Remaining` and `-Reset` (unix seconds). */
  rateLimitHeaders(): Record<string, string> {
    return {
      'X-RateLimit-Limit': String(RATE_LIMIT_PER_MINUTE),
      'X-RateLimit-Remaining': String(Math.max(0, RATE_LIMIT_PER_MINUTE - this.window.count)),
      'X-RateLimit-Reset': String(Math.floor((this.window.startMs + 60_000) / 1000)),
    };
  }

  snapshot(): StatsSnapshot {
    const requests = Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return { requests, total, ...this.byHost };
  }

  clear(): void {
    this.counts.clear();
    this.byHost = { trading: 0, marketData: 0 };
  }
}

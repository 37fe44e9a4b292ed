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

/** Counts requests per endpoint and per host. */
export class RequestStats {
  private counts = new Map<string, number>();
  private byHost = { trading: 0, marketData: 0 };

  record(method: string, path: string, host: ApiHost | undefined): void {
    const key = `${method} ${path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (host) this.byHost[host] += 1;
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

import { AccountBook } from './accounts/account-book';
import { OrderBook } from './accounts/order-book';
import { SimClock } from './clock';
import { FaultSet } from './faults';
import type { ChainRow } from './market/chain-row';
import type { ReplayMarket } from './market/replay';
import { SessionCalendar } from './market/sessions';
import { replayStockView, syntheticStockView, type StockView } from './market/stock-view';
import { syntheticChain } from './market/synthetic-chain';
import { RateLimiter } from './rate-limit';
import { RequestStats } from './stats';

/** Start-up settings of the simulator's state (see `SimulatorOptions` in server.ts). */
export interface CoreOptions {
  seed: number;
  /** ISO instant to fix the clock at; null for the live clock. */
  now: string | null;
  latencyMs: number;
  /** Enforced requests per minute and host (429 beyond); null = headers only. */
  rateLimitPerMinute: number | null;
  keyId: string;
  secretKey: string;
}

/**
 * Everything the simulator knows: clock, calendar, faults, replays, counters. HTTP handlers and
 * the control API read and change it; nothing here touches the network.
 */
export class SimulatorCore {
  seed: number;
  latencyMs: number;
  readonly keyId: string;
  readonly secretKey: string;
  readonly faults = new FaultSet();
  readonly calendar = new SessionCalendar(() => this.faults.holidays());
  readonly clock: SimClock;
  readonly stats = new RequestStats();
  readonly rateLimiter: RateLimiter;
  /** Brokerage accounts, one per key pair or OAuth token; the start-up key pair is the default one. */
  readonly accounts: AccountBook;
  /** Orders per account (`/v2/orders`); cleared with the accounts. */
  readonly orders = new OrderBook();
  private readonly replays = new Map<string, ReplayMarket>();
  private readonly chains = new Map<string, ChainRow[]>();

  constructor(private readonly initial: CoreOptions) {
    const options = initial;
    this.seed = options.seed;
    this.latencyMs = options.latencyMs;
    this.keyId = options.keyId;
    this.secretKey = options.secretKey;
    this.clock = new SimClock(this.calendar, options.now);
    this.rateLimiter = new RateLimiter(options.rateLimitPerMinute);
    this.accounts = new AccountBook({ keyId: options.keyId, secretKey: options.secretKey });
  }

  /** The simulated instant, epoch ms. */
  nowMs(): number {
    return this.clock.nowMs();
  }

  /** Whether the (fault-aware) calendar has the market open now. */
  isOpen(): boolean {
    return this.calendar.containing(this.nowMs()) !== undefined;
  }

  /** Underlyings with a market of their own listed by default (SPY, QQQ and replays). */
  knownUnderlyings(): string[] {
    return [...new Set(['SPY', 'QQQ', ...this.replays.keys()])].sort();
  }

  /** Every listed option of `underlying` now, ordered by OCC symbol (replay or synthetic). */
  chain(underlying: string): ChainRow[] {
    const symbol = underlying.toUpperCase();
    const replay = this.replays.get(symbol);
    if (replay) return replay.rows;
    const nowMs = this.nowMs();
    const minute = nowMs - (nowMs % 60_000);
    const key = `${this.seed}|${symbol}|${minute}|${[...this.faults.holidays()].join(',')}`;
    let rows = this.chains.get(key);
    if (!rows) {
      rows = syntheticChain({ seed: this.seed, underlying: symbol, nowMs, calendar: this.calendar });
      if (this.chains.size > 32) this.chains.clear();
      this.chains.set(key, rows);
    }
    return rows;
  }

  /** The underlying's latest trade and bars now. */
  stock(symbol: string): StockView {
    const upper = symbol.toUpperCase();
    const replay = this.replays.get(upper);
    return replay
      ? replayStockView(replay)
      : syntheticStockView(this.seed, upper, this.calendar, this.nowMs());
  }

  /** Serves `market` as its underlying's market and fixes the clock at its stamp. */
  addReplay(market: ReplayMarket): void {
    this.replays.set(market.underlying.toUpperCase(), market);
    this.clock.set(market.stampedAt);
  }

  replayedUnderlyings(): string[] {
    return [...this.replays.keys()];
  }

  /**
   * Back to a fresh market as at start-up (seed, clock, latency, rate limit), with `options` overriding the
   * seed and clock; no faults, counters, replays or created accounts.
   * @throws RangeError on a bad `now`.
   */
  reset(options: { seed?: number; now?: string | null } = {}): void {
    this.clock.set(options.now === undefined ? this.initial.now : options.now);
    this.seed = options.seed ?? this.initial.seed;
    this.faults.replace([]);
    this.stats.clear();
    this.replays.clear();
    this.chains.clear();
    this.latencyMs = this.initial.latencyMs;
    this.rateLimiter.perMinute = this.initial.rateLimitPerMinute;
    this.rateLimiter.clear();
    this.accounts.reset();
    this.orders.clear();
  }
}

import { z } from 'zod';
import type { CreatedAccount } from './accounts/account-book';
import type { SimulatorCore } from './core';
import { FaultSchema, type Fault } from './faults';
import { replayFromCsv, replayFromFile, type ReplayMarket } from './market/replay';
import { formatNewYork } from './market/sessions';
import type { StatsSnapshot } from './stats';

/** What `GET /_sim/health` answers. */
export interface SimulatorHealth {
  ok: true;
  /** Simulated instant, New York time with offset. */
  now: string;
  isOpen: boolean;
  seed: number;
  clock: 'live' | 'fixed';
  replays: string[];
  faults: (Fault & { remaining: number | null })[];
  latencyMs: number;
  /** Enforced requests per minute and host; null = not enforced. */
  rateLimitPerMinute: number | null;
}

/** What a replay call answers. */
export interface ReplaySummary {
  underlying: string;
  contracts: number;
  spotPrice: string;
  stampedAt: string;
}

/** Bodies of the control API's POST calls. */
export const ResetBodySchema = z.object({
  seed: z.number().int().optional(),
  now: z.string().nullable().optional(),
});
export const ClockBodySchema = z.object({ now: z.string().nullable() });
export const FaultsBodySchema = z.object({ faults: z.array(FaultSchema) });
export const LatencyBodySchema = z.object({ ms: z.number().int().nonnegative().max(600_000) });
export const RateLimitBodySchema = z.object({ perMinute: z.number().int().positive().nullable() });
export const ReplayBodySchema = z.union([
  z.object({ csv: z.string().min(1) }),
  z.object({ file: z.string().min(1) }),
]);

function summary(market: ReplayMarket): ReplaySummary {
  const { underlying, spotPrice, stampedAt, rows } = market;
  return { underlying, contracts: rows.length, spotPrice, stampedAt };
}

/**
 * In-process control of a running simulator; the HTTP control API (`/_sim/*`) calls the same
 * methods. Inputs are validated: a bad fault or instant throws (ZodError or RangeError).
 */
export class SimulatorControl {
  constructor(private readonly core: SimulatorCore) {}

  health(): SimulatorHealth {
    return {
      ok: true,
      now: formatNewYork(this.core.nowMs()),
      isOpen: this.core.isOpen(),
      seed: this.core.seed,
      clock: this.core.clock.mode,
      replays: this.core.replayedUnderlyings(),
      faults: this.core.faults.list(),
      latencyMs: this.core.latencyMs,
      rateLimitPerMinute: this.core.rateLimiter.perMinute,
    };
  }

  /** Fresh market as at start-up, optionally with another seed or clock. */
  reset(options: { seed?: number; now?: string | null } = {}): void {
    this.core.reset(ResetBodySchema.parse(options));
  }

  /** Fixes the clock at an ISO instant, or returns to the live clock (null). */
  setClock(now: string | null): void {
    this.core.clock.set(now);
  }

  /** Replaces the active faults. */
  setFaults(faults: readonly unknown[]): void {
    this.core.faults.replace(z.array(FaultSchema).parse(faults));
  }

  /** Extra latency for every Alpaca request, ms. */
  setLatency(ms: number): void {
    this.core.latencyMs = LatencyBodySchema.parse({ ms }).ms;
  }

  /** Enforces `perMinute` requests per minute and host (429 beyond), or stops enforcing (null). */
  setRateLimit(perMinute: number | null): void {
    this.core.rateLimiter.perMinute = RateLimitBodySchema.parse({ perMinute }).perMinute;
  }

  /**
   * Creates brokerage accounts: `{keyId?, secretKey?}` or `{accessToken}` for one, `{count}` for
   * many generated key pairs; `paper`, `cash`, `holdings` optional (default: the small book).
   * @throws ZodError on a bad body; ApiError 409 when the key or token is taken.
   */
  createAccounts(body: unknown): CreatedAccount[] {
    return this.core.accounts.create(body);
  }

  /** Replaces one account's faults: `{keyId | accessToken, faults}`. @throws ZodError, ApiError 404. */
  setAccountFaults(body: unknown): void {
    this.core.accounts.setFaults(body);
  }

  /** Every account with its request count (no secrets). */
  accounts(): ReturnType<SimulatorCore['accounts']['list']> {
    return this.core.accounts.list();
  }

  /** Every account's orders, oldest first, each with its account id. */
  orders(): ReturnType<SimulatorCore['orders']['all']> {
    return this.core.orders.all();
  }

  stats(): StatsSnapshot {
    return this.core.stats.snapshot();
  }

  /** Serves a CBOE CSV (its text) as its underlying's market. @throws CboeParseError. */
  replayCsv(csv: string): ReplaySummary {
    const market = replayFromCsv(csv);
    this.core.addReplay(market);
    return summary(market);
  }

  /** Serves a CBOE CSV file as its underlying's market. @throws on a missing or malformed file. */
  async replayFile(path: string): Promise<ReplaySummary> {
    const market = await replayFromFile(path);
    this.core.addReplay(market);
    return summary(market);
  }
}

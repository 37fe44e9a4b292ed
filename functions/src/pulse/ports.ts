import type { AccountSync } from '../accounts/account-sync';
import type { PulseConfig } from '../config/pulse-config';
import type { GexResult, MarketRegimeDocument } from '../contract/regime';
import type { ChainInput } from '../gex/types';
import type { PulseWrites } from './pulse-writes';

/** Alpaca's market clock as the pulse needs it (ISO-8601 instants). */
export interface MarketClock {
  isOpen: boolean;
  /** "Now" according to the market-data provider; the numbers' `as_of` when they are computed. */
  timestamp: string;
  nextOpen: string | null;
  nextClose: string | null;
}

/** One symbol's chain, or why it could not be loaded. */
export type ChainOutcome =
  | {
      ok: true;
      chain: ChainInput;
      apiCalls?: number;
      /** Contracts the provider's data dropped before the engine (one-sided joins, bad rows), by reason. */
      adapterSkipped?: Readonly<Record<string, number>>;
    }
  | { ok: false; error: string; apiCalls?: number };

/** Market data for the pulse (the Alpaca adapter behind it). */
export interface MarketDataSource {
  /** One clock request. @throws when the provider is unreachable. */
  readClock(): Promise<MarketClock>;
  /**
   * Loads every symbol's 0DTE/1DTE chain in parallel; one symbol's failure is its outcome, not a
   * throw. @param input.symbols upper-case tickers.
   */
  loadChains(input: { symbols: readonly string[]; clock: MarketClock }): Promise<{
    chains: Record<string, ChainOutcome>;
    /** Provider calls made by this load (excluding the clock). */
    apiCalls: number;
  }>;
}

/** A held lease; its token fences the final write. */
export interface Lease {
  token: string;
  pulseTime: string;
}

/** The lease, or why it was refused: `held` by a live pulse, or `superseded` by a later write. */
export type LeaseAttempt =
  { acquired: true; lease: Lease } | { acquired: false; reason: 'held' | 'superseded' };

/** What the pulse needs from Firestore. */
export interface PulseStore {
  /**
   * Takes the pulse lease in a transaction: refused while another pulse holds an unexpired lease
   * (`held`) or when a pulse at this or a later schedule time already wrote (`superseded`).
   */
  acquireLease(input: { pulseTime: string; now: Date; ttlMs: number }): Promise<LeaseAttempt>;
  /** Gives the lease back without recording a write (no-op when no longer ours). */
  releaseLease(lease: Lease): Promise<void>;
  /** The current regime document, parsed by the contract; null when absent. */
  readRegime(): Promise<MarketRegimeDocument | null>;
  /**
   * Commits every write of the pulse atomically and releases the lease, if the lease is still
   * ours and the stored `as_of` is not newer than the new one.
   * @returns documents written, or `{ written: 0, reason }` when fenced off.
   */
  commitPulse(
    lease: Lease,
    writes: PulseWrites,
  ): Promise<{ written: number; reason?: 'lease_lost' | 'as_of_regression' }>;
}

/** Structured logger (firebase-functions/logger fits). Fields must never hold secrets. */
export interface PulseLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Everything `runPulse` touches, injected. */
export interface PulseDeps {
  market: MarketDataSource;
  store: PulseStore;
  accounts: AccountSync;
  log: PulseLog;
  /** Wall clock (lease expiry, durations). */
  now: () => Date;
  /** The pure engine, `computeGex` in production. */
  computeGex: (chain: ChainInput) => GexResult;
  config: PulseConfig;
}

import type { HistoryRow, MarketRegimeDocument } from '../contract/regime';
import type { RegimeEvent } from '../contract/regime-event';
import type { PulseWrites } from './pulse-writes';

/** A history row as the pulse reads it back for the changes of net GEX. */
export type RecentRow = Pick<HistoryRow, 'pulse_time' | 'symbols'>;

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
  /** History rows with `pulse_time` at or after `sinceIso` (ISO-8601), any order. */
  readRecentHistory(sinceIso: string): Promise<RecentRow[]>;
  /**
   * Claims up to `limit` events awaiting webhook delivery: each moves `pending` → `sending` in a
   * transaction, so two runs never both post the same event.
   */
  claimPendingEvents(limit: number): Promise<RegimeEvent[]>;
  /** Records how a claimed event's delivery ended. */
  markEventDelivery(id: string, outcome: { state: 'sent' | 'failed'; error: string | null }): Promise<void>;
}

import { randomUUID } from 'node:crypto';
import { Timestamp, type DocumentData, type Firestore, type Transaction } from 'firebase-admin/firestore';
import type { Lease, LeaseAttempt } from './pulse-store';
import { LEASE_DOC } from './paths';

/**
 * The pulse lease (`serverState/pulse_lease`): who holds it, until when, and the schedule time of
 * the last pulse that wrote. Taken and released in transactions.
 */
interface LeaseState {
  holder: string | null;
  expiresAtMs: number;
  lastWrittenPulseTime: string | null;
}

function readState(data: DocumentData | undefined): LeaseState {
  const holder = data?.holder as unknown;
  const expires = data?.expires_at as unknown;
  const last = data?.last_written_pulse_time as unknown;
  return {
    holder: typeof holder === 'string' ? holder : null,
    expiresAtMs: expires instanceof Timestamp ? expires.toMillis() : 0,
    lastWrittenPulseTime: typeof last === 'string' ? last : null,
  };
}

/**
 * Takes the lease unless another pulse holds it unexpired (`held`) or a pulse at this or a later
 * schedule time already wrote (`superseded`: a retry of a minute that succeeded, or a late one).
 */
export async function acquireLease(
  db: Firestore,
  input: { pulseTime: string; now: Date; ttlMs: number },
): Promise<LeaseAttempt> {
  const ref = db.doc(LEASE_DOC);
  const token = randomUUID();
  return db.runTransaction(async (tx) => {
    const state = readState((await tx.get(ref)).data());
    if (state.holder !== null && state.expiresAtMs > input.now.getTime()) {
      return { acquired: false, reason: 'held' } as const;
    }
    const last = state.lastWrittenPulseTime;
    if (last !== null && Date.parse(input.pulseTime) <= Date.parse(last)) {
      return { acquired: false, reason: 'superseded' } as const;
    }
    tx.set(
      ref,
      {
        holder: token,
        pulse_time: input.pulseTime,
        acquired_at: Timestamp.fromDate(input.now),
        expires_at: Timestamp.fromMillis(input.now.getTime() + input.ttlMs),
      },
      { merge: true },
    );
    return { acquired: true, lease: { token, pulseTime: input.pulseTime } } as const;
  });
}

/** Whether `lease` is still the holder, read inside `tx`. */
export async function isLeaseHeld(tx: Transaction, db: Firestore, lease: Lease): Promise<boolean> {
  return readState((await tx.get(db.doc(LEASE_DOC))).data()).holder === lease.token;
}

/** Inside `tx`: frees the lease; records the pulse as written when `written`. */
export function freeLease(tx: Transaction, db: Firestore, lease: Lease, written: boolean): void {
  tx.set(
    db.doc(LEASE_DOC),
    written ? { holder: null, last_written_pulse_time: lease.pulseTime } : { holder: null },
    { merge: true },
  );
}

/** Releases the lease without recording a write; no-op when another pulse holds it now. */
export async function releaseLease(db: Firestore, lease: Lease): Promise<void> {
  await db.runTransaction(async (tx) => {
    if (await isLeaseHeld(tx, db, lease)) freeLease(tx, db, lease, false);
  });
}

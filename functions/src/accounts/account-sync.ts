/**
 * The account-sync seam of the pulse. The accounts issue implements {@link AccountSync} (read each
 * connected user's Alpaca account and positions, write `users/{uid}/data/snapshot`, fan out when
 * users are many); the pulse calls it once per run before market data, and a failure there never
 * blocks the market regime.
 */
export interface AccountSync {
  /**
   * Syncs every connected account as of the pulse time.
   * @param input.asOf ISO-8601 pulse (schedule) time.
   * @returns counts of what happened; never throws for one user's failure.
   */
  syncAll(input: { asOf: string }): Promise<AccountSyncReport>;
}

/** Counts of one account sync, logged by the pulse. */
export interface AccountSyncReport {
  /** Connected users found. */
  users: number;
  /** Snapshots written. */
  synced: number;
  /** Users whose sync failed (recorded on their own documents). */
  failed: number;
}

/**
 * The sync used until accounts exist: there are no connected users, so nothing is read or
 * written. It reports zeros; it never invents account data.
 */
export const noAccountSync: AccountSync = {
  syncAll: () => Promise.resolve({ users: 0, synced: 0, failed: 0 }),
};

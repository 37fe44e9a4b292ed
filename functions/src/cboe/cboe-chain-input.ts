import { addDays, newYorkWallClock } from '../calendar/new-york-time';
import { nyseSessionOn, nyseSessions } from '../calendar/nyse-sessions';
import { selectExpiryBuckets } from '../calendar/select-expiry-buckets';
import { expiryCloseMs } from '../gex/time-to-expiry';
import type { ChainInput } from '../gex/types';
import type { CboeChain } from './parse-cboe';

/** Which expiries of a CBOE chain to include: the 0DTE and/or 1DTE bucket, or every live expiry. */
export type ExpirySelection = 'all' | { zeroDte: boolean; oneDte: boolean };

/** Options of {@link cboeChainInput}. */
export interface CboeChainInputOptions {
  /** ISO-8601 instant to compute at; defaults to the file's stamp. */
  asOf?: string;
  expiries: ExpirySelection;
}

/**
 * Turns a parsed CBOE file into the engine's input: picks the 0DTE/1DTE buckets on the rules-based
 * NYSE calendar, records 13:00 early closes of listed expiries in `expiryCloses`, and keeps the
 * contracts of the selected expiries (`all` = every expiry whose close is not before `asOf`).
 * The result may hold no contracts (e.g. the 1DTE session lists no expiry); the caller decides.
 * @throws RangeError when `asOf` is not an ISO-8601 instant.
 */
export function cboeChainInput(chain: CboeChain, options: CboeChainInputOptions): ChainInput {
  const asOfMs = Date.parse(options.asOf ?? chain.stampedAt);
  if (!Number.isFinite(asOfMs)) throw new RangeError(`not an ISO-8601 instant: ${options.asOf}`);
  const asOf = new Date(asOfMs).toISOString();
  const listed = [...new Set(chain.contracts.map((c) => c.expiry))].sort();
  const today = newYorkWallClock(asOfMs).date;
  const sessions = nyseSessions(addDays(today, -1), addDays(today, 14));
  const buckets = selectExpiryBuckets({ asOf, sessions, listedExpiries: listed });
  const expiryCloses: Record<string, string> = {};
  for (const expiry of listed) {
    const session = nyseSessionOn(expiry);
    if (session && Date.parse(session.close) !== expiryCloseMs(expiry)) expiryCloses[expiry] = session.close;
  }
  const selection = options.expiries;
  const kept = new Set(
    listed.filter((expiry) =>
      selection === 'all'
        ? expiryCloseMs(expiry, expiryCloses) >= asOfMs
        : (selection.zeroDte && expiry === buckets.zeroDte.expiry) ||
          (selection.oneDte && expiry === buckets.oneDte.expiry),
    ),
  );
  return {
    underlying: chain.underlying,
    spotPrice: chain.spotPrice,
    asOf,
    contracts: chain.contracts.filter((c) => kept.has(c.expiry)),
    buckets,
    expiryCloses,
  };
}

import { addDays, newYorkInstant, newYorkWallClock } from '../../functions/src/calendar/new-york-time';
import { nyseSessionOn, nyseSessions } from '../calendar/nyse-sessions';
import { selectExpiryBuckets } from '../../functions/src/calendar/select-expiry-buckets';
import { expiryCloseMs } from '../../functions/src/gex/time-to-expiry';
import type { ChainInput, ContractInput } from '../../functions/src/gex/types';
import { type CboeChain, SYMBOL_TAIL } from './parse-cboe';

/** Which expiries of a CBOE chain to include: the 0DTE and/or 1DTE bucket, or every live expiry. */
export type ExpirySelection = 'all' | { zeroDte: boolean; oneDte: boolean };

/**
 * Roots of AM-settled monthly index options: they stop trading the session before the expiry date
 * and settle on its opening prints, so their gamma ends at 09:30 New York on the expiry date. The
 * PM-settled roots of the same indexes (SPXW, NDXP, RUTW) end at the close like equity options.
 */
const AM_SETTLED_ROOTS: ReadonlySet<string> = new Set(['SPX', 'NDX', 'RUT']);
const ROOT_RE = /^([A-Z]+)\d{6}[CP]\d{8}$/;

/** Equal to no expiry: the previous expiry before the first contract. */
const NOTHING_YET: unknown = Symbol('nothing yet');

/**
 * The contract with `settlesAt` at 09:30 New York on its expiry date when its root is AM-settled;
 * `cache` holds that instant per expiry date across calls.
 */
export function withSettlement(contract: ContractInput, cache = new Map<string, string>()): ContractInput {
  const root = ROOT_RE.exec(contract.symbol)?.[1];
  if (root === undefined || !AM_SETTLED_ROOTS.has(root)) return contract;
  let settlesAt = cache.get(contract.expiry);
  if (settlesAt === undefined) {
    settlesAt = newYorkInstant(contract.expiry, '09:30');
    cache.set(contract.expiry, settlesAt);
  }
  return settledCopy(contract, settlesAt);
}

/** The fields of a contract {@link parseCboeCsv} reads, in its order. */
const CBOE_FIELDS = [
  'symbol', 'side', 'strike', 'expiry', 'openInterest', 'gamma', 'impliedVolatility', 'bid', 'ask', 'volume',
  'delta',
]; // prettier-ignore

/**
 * `{ ...contract, settlesAt }`. A plain object with just the parser's fields, in its order (every
 * contract of a CBOE file), is copied by an object literal, several times faster than a spread cold.
 */
function settledCopy(contract: ContractInput, settlesAt: string): ContractInput {
  let i = 0;
  for (const key in contract) {
    if (key !== CBOE_FIELDS[i]) return { ...contract, settlesAt };
    i++;
  }
  const plain =
    i === CBOE_FIELDS.length &&
    Object.getPrototypeOf(contract) === Object.prototype &&
    Object.getOwnPropertySymbols(contract).length === 0;
  if (!plain) return { ...contract, settlesAt };
  return {
    symbol: contract.symbol,
    side: contract.side,
    strike: contract.strike,
    expiry: contract.expiry,
    openInterest: contract.openInterest,
    gamma: contract.gamma,
    impliedVolatility: contract.impliedVolatility,
    bid: contract.bid,
    ask: contract.ask,
    volume: contract.volume,
    delta: contract.delta,
    settlesAt,
  };
}

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
 * AM-settled monthlies (root `SPX`, not `SPXW`) carry `settlesAt` = 09:30 New York on their expiry
 * date, so the engine prices them to the opening settlement and counts them expired after it.
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
  const settleTimes = new Map<string, string>();
  const kept = new Set(
    listed.filter((expiry) =>
      selection === 'all'
        ? expiryCloseMs(expiry, expiryCloses) >= asOfMs
        : (selection.zeroDte && expiry === buckets.zeroDte.expiry) ||
          (selection.oneDte && expiry === buckets.oneDte.expiry),
    ),
  );
  // One pass; contracts come grouped by expiry and root, so the previous one's answers mostly serve.
  const all = chain.contracts;
  const contracts: ContractInput[] = [];
  let lastExpiry: unknown = NOTHING_YET;
  let keep = false;
  // The letters before a symbol's date, and whether they name an AM-settled root: a contract whose
  // letters do not is left as it is (withSettlement would return it unchanged).
  let lastLetters = '';
  let amSettled = false;
  for (let i = 0; i < all.length; i++) {
    const contract = all[i] as ContractInput;
    if (contract.expiry !== lastExpiry) {
      lastExpiry = contract.expiry;
      keep = kept.has(contract.expiry);
    }
    if (!keep) continue;
    const { symbol } = contract;
    const letters = Math.max(symbol.length - SYMBOL_TAIL, 0);
    if (letters !== lastLetters.length || !symbol.startsWith(lastLetters)) {
      lastLetters = symbol.slice(0, letters);
      amSettled = AM_SETTLED_ROOTS.has(lastLetters);
    }
    contracts.push(amSettled ? withSettlement(contract, settleTimes) : contract);
  }
  return {
    underlying: chain.underlying,
    spotPrice: chain.spotPrice,
    asOf,
    contracts,
    buckets,
    expiryCloses,
  };
}

import { addDays, newYorkInstant, newYorkWallClock } from '../../functions/src/calendar/new-york-time';
import { nyseSessionOn, nyseSessions } from '../calendar/nyse-sessions';
import { selectExpiryBuckets } from '../../functions/src/calendar/select-expiry-buckets';
import { expiryCloseMs } from '../../functions/src/gex/time-to-expiry';
import type { ExpiryBuckets, TradingSession } from '../../functions/src/calendar/types';
import type { ChainHead, ChainInput, ContractFeed, ContractInput } from '../../functions/src/gex/types';
import { type CboeChain, parseCboeCsv, readCboeHead, SYMBOL_TAIL } from './parse-cboe';

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
 * The rules that turn a CBOE file's contracts into the engine's input, shared by
 * {@link cboeChainInput} and {@link cboeChainFeed}: the as-of instant, the 0DTE/1DTE sessions, the
 * early closes of listed expiries, which expiries the selection keeps and which contracts settle
 * in the morning.
 */
class CboeRules {
  readonly asOfMs: number;
  readonly asOf: string;
  /** Early closes (13:00) by expiry date, of the expiries {@link CboeRules.select} has met. */
  readonly expiryCloses: Record<string, string> = {};
  /**
   * The buckets as if every session's date were listed: a contract's bucket is the same as with
   * the chain's real buckets (a listed date is a date some contract has).
   */
  readonly bucketsOfSessions: ExpiryBuckets;
  /** Every expiry date {@link CboeRules.select} has met. */
  private readonly listed = new Set<string>();
  private readonly sessions: TradingSession[];
  private readonly selection: ExpirySelection;
  private readonly settleTimes = new Map<string, string>();
  private readonly kept = new Map<string, boolean>();
  // Contracts come grouped by expiry: the previous contract's expiry and whether it is kept.
  private lastExpiry: unknown = NOTHING_YET;
  private keep = false;
  // The letters before a symbol's date, and whether they name an AM-settled root: a contract whose
  // letters do not is left as it is (withSettlement would return it unchanged).
  private lastLetters = '';
  private amSettled = false;

  /** @throws RangeError when the as-of time (`options.asOf`, else `stampedAt`) is not an instant. */
  constructor(stampedAt: string, options: CboeChainInputOptions) {
    const asOfMs = Date.parse(options.asOf ?? stampedAt);
    if (!Number.isFinite(asOfMs)) throw new RangeError(`not an ISO-8601 instant: ${options.asOf}`);
    this.asOfMs = asOfMs;
    this.asOf = new Date(asOfMs).toISOString();
    const today = newYorkWallClock(asOfMs).date;
    this.sessions = nyseSessions(addDays(today, -1), addDays(today, 14));
    const { zeroDte, oneDte } = this.buckets([]);
    this.bucketsOfSessions = {
      zeroDte: { session: zeroDte.session, expiry: zeroDte.session },
      oneDte: { session: oneDte.session, expiry: oneDte.session },
    };
    this.selection = options.expiries;
  }

  /** The 0DTE and 1DTE buckets of a chain listing `listed`. */
  buckets(listed: Iterable<string>): ExpiryBuckets {
    return selectExpiryBuckets({ asOf: this.asOf, sessions: this.sessions, listedExpiries: listed });
  }

  /** The expiry dates {@link CboeRules.select} has met, sorted. */
  listedExpiries(): string[] {
    return [...this.listed].sort();
  }

  /**
   * A contract of the file as the engine takes it (with `settlesAt` when its root is AM-settled),
   * or undefined when the selection leaves its expiry out.
   */
  select(contract: ContractInput): ContractInput | undefined {
    if (contract.expiry !== this.lastExpiry) {
      this.lastExpiry = contract.expiry;
      this.listed.add(contract.expiry);
      this.keep = this.keeps(contract.expiry);
    }
    return this.keep ? this.settled(contract) : undefined;
  }

  /**
   * Whether the selection keeps the contracts of a listed expiry (`all`: those whose close is not
   * before as-of); the first time an expiry is asked about, its early close, if any, is noted.
   */
  private keeps(expiry: string): boolean {
    let keep = this.kept.get(expiry);
    if (keep === undefined) {
      const session = nyseSessionOn(expiry);
      if (session && Date.parse(session.close) !== expiryCloseMs(expiry))
        this.expiryCloses[expiry] = session.close;
      const { selection } = this;
      const { zeroDte, oneDte } = this.bucketsOfSessions;
      keep =
        selection === 'all'
          ? expiryCloseMs(expiry, this.expiryCloses) >= this.asOfMs
          : (selection.zeroDte && expiry === zeroDte.session) ||
            (selection.oneDte && expiry === oneDte.session);
      this.kept.set(expiry, keep);
    }
    return keep;
  }

  /** The contract with `settlesAt` when its root is AM-settled. */
  private settled(contract: ContractInput): ContractInput {
    const { symbol } = contract;
    const letters = Math.max(symbol.length - SYMBOL_TAIL, 0);
    if (letters !== this.lastLetters.length || !symbol.startsWith(this.lastLetters)) {
      this.lastLetters = symbol.slice(0, letters);
      this.amSettled = AM_SETTLED_ROOTS.has(this.lastLetters);
    }
    return this.amSettled ? withSettlement(contract, this.settleTimes) : contract;
  }
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
  const rules = new CboeRules(chain.stampedAt, options);
  const all = chain.contracts;
  const contracts: ContractInput[] = [];
  for (let i = 0; i < all.length; i++) {
    const kept = rules.select(all[i] as ContractInput);
    if (kept) contracts.push(kept);
  }
  return {
    underlying: chain.underlying,
    spotPrice: chain.spotPrice,
    asOf: rules.asOf,
    contracts,
    buckets: rules.buckets(rules.listedExpiries()),
    expiryCloses: rules.expiryCloses,
  };
}

/** A CBOE file as contracts fed to the engine while it is parsed (see {@link cboeChainFeed}). */
export interface CboeChainFeed {
  /** The chain's head before any contract is read: spot, as-of, and buckets by session date. */
  head: ChainHead;
  /**
   * Parses the file, handing each contract of the selected expiries to `add` (with `settlesAt` as
   * {@link cboeChainInput} sets it); returns the head with the buckets of the listed expiries.
   * @throws CboeParseError when the file is malformed.
   */
  feed: ContractFeed;
  /**
   * What the last {@link CboeChainFeed.feed} read: the contracts it handed over, every expiry the
   * file lists (sorted) and the head it returned (`head` until a feed ends).
   */
  fed: { contracts: number; listed: string[]; head: ChainHead };
}

/**
 * A CBOE delayed-quote CSV as a {@link ContractFeed} for `computeGexOfFeed`: the same contracts
 * and head as {@link cboeChainInput} of {@link parseCboeCsv}, each contract handed over as its
 * row is read, so no parsed contract has to stay in memory.
 * @throws CboeParseError when the preamble or header is malformed; RangeError as {@link cboeChainInput}.
 */
export function cboeChainFeed(text: string, options: CboeChainInputOptions): CboeChainFeed {
  const { spotPrice, stampedAt } = readCboeHead(text);
  const rules = new CboeRules(stampedAt, options);
  const head: ChainHead = {
    underlying: '',
    spotPrice,
    asOf: rules.asOf,
    buckets: rules.bucketsOfSessions,
    expiryCloses: rules.expiryCloses,
  };
  const result: CboeChainFeed = {
    head,
    fed: { contracts: 0, listed: [], head },
    feed: (add) => {
      let contracts = 0;
      const chain = parseCboeCsv(text, {
        onContract: (contract) => {
          const kept = rules.select(contract);
          if (kept === undefined) return;
          contracts++;
          add(kept);
        },
      });
      const listed = rules.listedExpiries();
      const end = { ...head, underlying: chain.underlying, buckets: rules.buckets(listed) };
      result.fed = { contracts, listed, head: end };
      return end;
    },
  };
  return result;
}

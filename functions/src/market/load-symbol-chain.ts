import { selectExpiryBuckets } from '../calendar/select-expiry-buckets';
import type { ExpiryBuckets, TradingSession } from '../calendar/types';
import type { ChainInput, ContractInput } from '../gex/types';
import { AlpacaApiError } from './alpaca-api-error';
import type { AlpacaClient } from './alpaca-client';
import type { Paged } from './alpaca-queries';
import { type ChainOptions, type SpotResult, strikeBandAround } from './chain-request';
import { joinChain, type StrikeBand } from './join-chain';
import { ChainLoadError, type ChainQuality } from './market-cycle';
import {
  hasUsableOpenInterest,
  loadOpenInterest,
  type OpenInterestCache,
  type OpenInterestEntry,
} from './open-interest';
import { type Speculation, takeSpeculativeChain } from './speculative-chains';
import type { RawOptionSnapshot, RawStockTrade } from './wire-schemas';

/** What one cycle shares between its symbols. */
export interface CycleContext {
  client: AlpacaClient;
  openInterestCache: OpenInterestCache;
  options: ChainOptions;
  asOf: string;
  sessions: readonly TradingSession[];
  sessionDates: { zeroDte: string; oneDte: string };
  spot: Promise<SpotResult>;
  /** Chain requests started ahead of the clock, used where they still fit (see `speculative-chains.ts`). */
  speculation?: Speculation;
  signal: AbortSignal;
}

async function spotFor(symbol: string, ctx: CycleContext): Promise<RawStockTrade> {
  const spot = await ctx.spot;
  if (spot instanceof AlpacaApiError) throw spot;
  const trade = spot.get(symbol);
  const price = Number(trade?.p);
  if (!trade || !Number.isFinite(price) || price <= 0) {
    throw new ChainLoadError(symbol, 'missing_spot', `${symbol}: no usable latest trade price`);
  }
  return trade;
}

async function fetchChain(symbol: string, ctx: CycleContext) {
  const trade = await spotFor(symbol, ctx);
  const band = strikeBandAround(Number(trade.p), ctx.options.strikeBandPct);
  const want = { symbol, band, sessionDates: ctx.sessionDates };
  const speculative = await takeSpeculativeChain(ctx.speculation, want);
  if (speculative) return { trade, band, paged: speculative };
  const paged = await ctx.client.getOptionChain(
    {
      underlying: symbol,
      expirationGte: ctx.sessionDates.zeroDte,
      expirationLte: ctx.sessionDates.oneDte,
      ...(band ? { strikeGte: band.gte, strikeLte: band.lte } : {}),
      feed: ctx.options.feed,
      limit: ctx.options.chainPageLimit,
      maxPages: ctx.options.maxChainPages,
    },
    ctx.signal,
  );
  return { trade, band, paged };
}

function bucketsFor(symbol: string, ctx: CycleContext, entry: OpenInterestEntry): ExpiryBuckets {
  const buckets = selectExpiryBuckets({
    asOf: ctx.asOf,
    sessions: ctx.sessions,
    listedExpiries: entry.contracts.map((c) => c.expiry),
  });
  if (!buckets.zeroDte.expiry && !buckets.oneDte.expiry) {
    const { zeroDte, oneDte } = ctx.sessionDates;
    throw new ChainLoadError(
      symbol,
      'no_expiries',
      `${symbol}: no expiry listed for ${zeroDte} or ${oneDte}`,
    );
  }
  return buckets;
}

function qualityOf(
  entry: { entry: OpenInterestEntry; cached: boolean },
  chain: { band: StrikeBand | null; paged: Paged<readonly [string, RawOptionSnapshot]> },
  joined: ReturnType<typeof joinChain>,
): ChainQuality {
  const skipped: Record<string, number> = { ...joined.skipped };
  if (chain.paged.invalid > 0) skipped.malformed_snapshot = chain.paged.invalid;
  if (entry.entry.invalid > 0) skipped.malformed_contract = entry.entry.invalid;
  return {
    snapshotsReceived: chain.paged.items.length + chain.paged.invalid,
    contractsListed: entry.entry.contracts.length,
    contractsJoined: joined.contracts.length,
    skipped,
    chainPages: chain.paged.pages,
    contractPages: entry.cached ? 0 : entry.entry.pages,
    openInterestCached: entry.cached,
    openInterestDay: entry.entry.day,
    strikeBand: chain.band,
  };
}

/** Early-close aware close instants of the bucket expiries, from Alpaca's calendar. */
function expiryClosesOf(buckets: ExpiryBuckets, sessions: readonly TradingSession[]): Record<string, string> {
  const closes: Record<string, string> = {};
  for (const expiry of [buckets.zeroDte.expiry, buckets.oneDte.expiry]) {
    const session = expiry ? sessions.find((s) => s.date === expiry) : undefined;
    if (expiry && session) closes[expiry] = session.close;
  }
  return closes;
}

/** A list cut short by the page cap is refused: a partial chain would understate GEX. */
function refuseTruncated(
  symbol: string,
  options: ChainOptions,
  truncated: { contracts: boolean; chain: boolean },
): void {
  if (!truncated.contracts && !truncated.chain) return;
  const [what, pages, size] = truncated.chain
    ? ['option chain', options.maxChainPages, options.chainPageLimit]
    : ['contract list', options.maxContractPages, options.contractsPageLimit];
  const detail = `the ${what} needs more than ${pages} pages of ${size} (the page cap)`;
  throw new ChainLoadError(symbol, 'page_cap', `${symbol}: ${detail}; refusing a partial chain`);
}

/** No joined contract, or none with a weight: either way a GEX of 0.00 would be missing data. */
function refuseUnusable(symbol: string, contracts: readonly ContractInput[], snapshots: number): void {
  if (contracts.length === 0) {
    const why = snapshots === 0 ? 'the chain returned no snapshots' : 'no snapshot matched a listed contract';
    throw new ChainLoadError(symbol, 'empty_chain', `${symbol}: ${why}`);
  }
  if (!contracts.some(hasUsableOpenInterest)) {
    const why = `none of the ${contracts.length} contracts has a positive open interest`;
    throw new ChainLoadError(symbol, 'no_open_interest', `${symbol}: ${why}`);
  }
}

/**
 * Loads one symbol's 0DTE + 1DTE chain: the contract list with OI (daily cache) in parallel with
 * the chain snapshots (one date-range query, strike band around spot, every page up to the cap),
 * joined by OCC symbol.
 * @throws AlpacaApiError when a call fails; ChainLoadError when the data is unusable (no expiries,
 *   no snapshots, no positive open interest, page cap).
 */
export async function loadSymbolChain(symbol: string, ctx: CycleContext) {
  const { options } = ctx;
  const [oi, chain] = await Promise.all([
    loadOpenInterest({
      client: ctx.client,
      cache: ctx.openInterestCache,
      underlying: symbol,
      asOf: ctx.asOf,
      expirationGte: ctx.sessionDates.zeroDte,
      expirationLte: ctx.sessionDates.oneDte,
      pageLimit: options.contractsPageLimit,
      maxPages: options.maxContractPages,
      signal: ctx.signal,
    }),
    fetchChain(symbol, ctx),
  ]);
  refuseTruncated(symbol, options, { contracts: oi.entry.truncated, chain: chain.paged.truncated });
  const buckets = bucketsFor(symbol, ctx, oi.entry);
  const expiries = new Set([buckets.zeroDte.expiry, buckets.oneDte.expiry].filter((e) => e !== null));
  const joined = joinChain({
    contracts: oi.entry.contracts,
    snapshots: chain.paged.items,
    expiries,
    band: chain.band,
  });
  refuseUnusable(symbol, joined.contracts, chain.paged.items.length);
  const input: ChainInput = {
    underlying: symbol,
    spotPrice: chain.trade.p,
    asOf: ctx.asOf,
    contracts: joined.contracts,
    buckets,
    expiryCloses: expiryClosesOf(buckets, ctx.sessions),
  };
  return { chain: input, buckets, quality: qualityOf(oi, chain, joined) };
}

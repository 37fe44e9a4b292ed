import { toAlpacaApiError } from './alpaca-api-error';
import type { AlpacaClient } from './alpaca-client';
import type { Paged } from './alpaca-queries';
import type { StrikeBand } from './join-chain';
import { type ChainOptions, type SpotResult, strikeBandAround } from './chain-request';
import type { RawOptionSnapshot } from './wire-schemas';

/*
 * A steady pulse's chain requests need the session dates (from the clock) and a strike band (from
 * spot), so in sequence they wait for both. Instead they start with the clock and spot, on the
 * previous minute's sessions and a band a little wider than that minute's; the cycle then keeps a
 * chain only when its sessions are still today's and the band it asked for holds the band the new
 * spot calls for, cut down to exactly that band. Otherwise (the rare minute) it asks again.
 */

/** Extra half-width asked for around the previous spot, percent of it: room for a minute's move. */
export const SPECULATIVE_MARGIN_PCT = 0.5;

/** What the previous open-market cycle leaves behind to guess the next one's requests. */
export interface WarmCycle {
  /** Upper-case symbols, in the order asked. */
  symbols: readonly string[];
  sessionDates: { zeroDte: string; oneDte: string };
  /** Last usable spot price per upper-case symbol. */
  spots: ReadonlyMap<string, number>;
}

/** One chain asked for ahead of the clock, and what it was asked with. */
export interface SpeculativeChain {
  sessionDates: { zeroDte: string; oneDte: string };
  /** Band requested (null = every strike). */
  band: StrikeBand | null;
  /** The pages, or the call's error; never rejects. */
  result: Promise<Paged<readonly [string, RawOptionSnapshot]> | Error>;
}

/** Requests started before the clock: the shared spot request and a chain per warm symbol. */
export interface Speculation {
  symbols: readonly string[];
  spot: Promise<SpotResult>;
  chains: ReadonlyMap<string, SpeculativeChain>;
  /** Resolves once every request above has settled. */
  settled: Promise<void>;
}

/** Starts the spot request and one chain request per warm symbol, on the warm cycle's sessions and bands. */
export function startSpeculation(input: {
  client: AlpacaClient;
  warm: WarmCycle;
  options: ChainOptions;
  signal: AbortSignal;
}): Speculation {
  const { client, warm, options, signal } = input;
  const spot = client
    .getLatestTrades(warm.symbols, signal)
    .catch((error: unknown) => toAlpacaApiError('/v2/stocks/trades/latest', error));
  const chains = new Map<string, SpeculativeChain>();
  for (const symbol of warm.symbols) {
    const last = warm.spots.get(symbol);
    if (last === undefined) continue;
    const pct = options.strikeBandPct === null ? null : options.strikeBandPct + SPECULATIVE_MARGIN_PCT;
    const band = strikeBandAround(last, pct);
    const query = {
      underlying: symbol,
      expirationGte: warm.sessionDates.zeroDte,
      expirationLte: warm.sessionDates.oneDte,
      ...(band ? { strikeGte: band.gte, strikeLte: band.lte } : {}),
      feed: options.feed,
      limit: options.chainPageLimit,
      maxPages: options.maxChainPages,
    };
    const result = client
      .getOptionChain(query, signal)
      .catch((error: unknown) => toAlpacaApiError('/v1beta1/options/snapshots/{underlying}', error));
    chains.set(symbol, { sessionDates: warm.sessionDates, band, result });
  }
  const settled = Promise.all([spot, ...[...chains.values()].map((c) => c.result)]).then(() => undefined);
  return { symbols: warm.symbols, spot, chains, settled };
}

const contains = (outer: StrikeBand | null, inner: StrikeBand | null): boolean =>
  outer === null || (inner !== null && outer.gte <= inner.gte && inner.lte <= outer.lte);

/** Strike of an OCC symbol (`SPY250516C00590000` → 590), USD; NaN when it is not one. */
const occStrike = (occ: string): number => Number(occ.slice(-8)) / 1000;

/**
 * The speculative chain of `symbol`, cut to `band`, when it was asked with `sessionDates` and a band
 * holding `band` and was not cut short by the page cap; undefined when it must be asked again.
 * @throws the call's AlpacaApiError when it failed on the right request (asking again would repeat it).
 */
export async function takeSpeculativeChain(
  speculation: Speculation | undefined,
  want: { symbol: string; band: StrikeBand | null; sessionDates: { zeroDte: string; oneDte: string } },
): Promise<Paged<readonly [string, RawOptionSnapshot]> | undefined> {
  const guess = speculation?.chains.get(want.symbol);
  if (!guess) return undefined;
  const sameSessions =
    guess.sessionDates.zeroDte === want.sessionDates.zeroDte &&
    guess.sessionDates.oneDte === want.sessionDates.oneDte;
  if (!sameSessions || !contains(guess.band, want.band)) return undefined;
  const paged = await guess.result;
  if (paged instanceof Error) throw paged;
  if (paged.truncated) return undefined;
  if (want.band === null || guess.band === null) return paged;
  const { gte, lte } = want.band;
  const items = paged.items.filter(([occ]) => occStrike(occ) >= gte && occStrike(occ) <= lte);
  return { ...paged, items };
}

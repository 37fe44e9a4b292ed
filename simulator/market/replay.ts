import { readFile } from 'node:fs/promises';
import { newYorkInstantMs } from '../../functions/src/calendar/new-york-time';
import { parseCboeCsv } from '../../offline/cboe/parse-cboe';
import type { ContractInput, RawNumber } from '../../functions/src/gex/types';
import type { ChainRow } from './chain-row';
import { priceAndGreeks, yearsToExpiry } from './greeks';

/** A CBOE file served as one underlying's market, exactly as printed. */
export interface ReplayMarket {
  underlying: string;
  /** The file's `Last:` price, as printed. */
  spotPrice: string;
  /** The file's stamp (ISO-8601); the clock is fixed here while the replay is loaded. */
  stampedAt: string;
  rows: ChainRow[];
}

/**
 * The trimmed text of a raw field without thousands separators (which the engine's parser strips
 * too), or null when it is empty or not a finite number.
 */
function rawText(value: RawNumber): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().replace(/,/g, '');
  return text !== '' && Number.isFinite(Number(text)) ? text : null;
}

function rawNumber(value: RawNumber): number | null {
  const text = rawText(value);
  return text === null ? null : Number(text);
}

/**
 * Builds a replay market from a CBOE delayed-quote CSV. Open interest, gamma, IV, bid, ask and
 * volume and delta are the file's own values; the other greeks are Black-Scholes from the file's IV (zero without
 * one). A field the file leaves empty is left out of the wire, as Alpaca leaves out what it lacks.
 * @throws CboeParseError when the text is not a CBOE chain.
 */
export function replayFromCsv(text: string): ReplayMarket {
  const chain = parseCboeCsv(text);
  const stampMs = Date.parse(chain.stampedAt);
  const spot = Number(chain.spotPrice);
  const rows = chain.contracts.map((c) => replayRow(chain.underlying, c, spot, stampMs));
  rows.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  return { underlying: chain.underlying, spotPrice: chain.spotPrice, stampedAt: chain.stampedAt, rows };
}

/** {@link replayFromCsv} on a file. @throws on a missing file or a malformed chain. */
export async function replayFromFile(path: string): Promise<ReplayMarket> {
  return replayFromCsv(await readFile(path, 'utf8'));
}

function replayRow(underlying: string, c: ContractInput, spot: number, stampMs: number): ChainRow {
  const strike = rawNumber(c.strike) ?? 0;
  const gamma = rawNumber(c.gamma);
  const iv = rawNumber(c.impliedVolatility);
  const bid = rawNumber(c.bid);
  const ask = rawNumber(c.ask);
  let greeks: ChainRow['greeks'] = null;
  if (gamma !== null) {
    const years = yearsToExpiry(stampMs, newYorkInstantMs(c.expiry, '16:00'));
    const model =
      iv !== null && iv > 0 && strike > 0 && spot > 0
        ? priceAndGreeks({ spot, strike, years, volatility: iv }, c.side).greeks
        : { delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 };
    const delta = rawNumber(c.delta);
    greeks = { ...model, gamma, ...(delta === null ? {} : { delta }) };
  }
  return {
    symbol: c.symbol,
    underlying,
    root: /^([A-Z]+)\d/.exec(c.symbol)?.[1] ?? underlying,
    side: c.side,
    strike,
    strikeText: rawText(c.strike) ?? '0',
    expiry: c.expiry,
    style: underlying === 'SPX' ? 'european' : 'american',
    openInterest: rawText(c.openInterest),
    openInterestDate: null,
    closePrice: null,
    greeks,
    impliedVolatility: iv,
    quote: bid !== null && ask !== null ? { bid, ask, bidSize: 0, askSize: 0 } : null,
    trade: null,
    volume: rawNumber(c.volume),
    quoteTimeMs: stampMs,
    tradeTimeMs: stampMs,
  };
}

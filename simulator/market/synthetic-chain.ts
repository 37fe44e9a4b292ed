import { addDays, weekdayOf } from '../../functions/src/calendar/new-york-time';
import type { OptionSide } from '../../functions/src/gex/types';
import { normal, uniform } from '../random';
import { occSymbol, type ChainRow } from './chain-row';
import { priceAndGreeks, yearsToExpiry } from './greeks';
import { newYorkDate, type Session, type SessionCalendar } from './sessions';
import { openingSpot } from './spot';
import { underlyingNow } from './underlying';
import { sessionVolume } from './volume';

/** Underlyings with an expiry every trading day (and their OCC root when it differs). */
const DAILY: Readonly<Record<string, string>> = {
  SPY: 'SPY',
  QQQ: 'QQQ',
  IWM: 'IWM',
  SPX: 'SPXW',
  NDX: 'NDXP',
};
const ATM_VOL: Readonly<Record<string, number>> = { SPY: 0.13, QQQ: 0.17, IWM: 0.2, SPX: 0.13, NDX: 0.17 };
/** Open interest (contracts) of a round at-the-money strike before noise; real SPY/QQQ are of this order. */
const OI_SCALE: Readonly<Record<string, number>> = { SPY: 15000, QQQ: 8000, IWM: 5000, SPX: 6000, NDX: 400 };
const DAILY_EXPIRIES = 5;
const WEEKLY_EXPIRIES = 3;

/** What a synthetic chain depends on: the seed, the underlying, the instant and the calendar. */
export interface SyntheticChainInput {
  seed: number;
  underlying: string;
  nowMs: number;
  calendar: SessionCalendar;
}

/** Listed expiries from today's New York date: every session (daily underlyings) or each week's last. */
export function listedExpiries(underlying: string, nowMs: number, calendar: SessionCalendar): Session[] {
  const today = newYorkDate(nowMs);
  const sessions = calendar.between(today, addDays(today, 45));
  if (DAILY[underlying]) return sessions.slice(0, DAILY_EXPIRIES);
  const weekOf = (date: string): string => addDays(date, 1 - weekdayOf(date));
  return sessions
    .filter((s, i) => weekOf(sessions[i + 1]?.date ?? '9999-12-31') !== weekOf(s.date))
    .slice(0, WEEKLY_EXPIRIES);
}

/** Strike increment near the money, USD: $0.50 under $50, $1 up to $1,000, $5 above (SPX-like). */
function strikeStep(ref: number): number {
  return ref < 50 ? 0.5 : ref < 1000 ? 1 : 5;
}

/** Strike grid around `ref`: one step near the money, 5 steps out to ±12 %, 10 steps out to ±25 %. */
export function strikeGrid(ref: number): number[] {
  const step = strikeStep(ref);
  const strikes: number[] = [];
  for (let i = Math.ceil((ref * 0.75) / step); i * step <= ref * 1.25; i++) {
    const distance = Math.abs((i * step) / ref - 1);
    if (distance <= 0.05 || (i % 5 === 0 && distance <= 0.12) || i % 10 === 0) strikes.push(i * step);
  }
  return strikes;
}

/** OI weight of round strikes: traders cluster at $5, $10, $25, $50, $100 (in grid steps). */
function roundness(strike: number, step: number): number {
  const k = Math.round(strike / step);
  if (k % 100 === 0) return 5;
  if (k % 50 === 0) return 4;
  if (k % 25 === 0) return 3;
  if (k % 10 === 0) return 2.2;
  return k % 5 === 0 ? 1.6 : 1;
}

interface Listing {
  underlying: string;
  seed: number;
  ref: number;
  step: number;
  expiryIndex: number;
  /** Trading day the listing (and its open interest) belongs to. */
  oiDate: string;
  /** Session whose close the open interest reflects (printed as `open_interest_date`). */
  publishedDate: string;
}

function openInterest(l: Listing, strike: number, side: OptionSide, expiry: string): number {
  const m = Math.log(strike / l.ref);
  const width = 0.025 + 0.01 * l.expiryIndex;
  let weight = Math.exp(-0.5 * (m / width) ** 2) + 0.04 * Math.exp(-0.5 * (m / (4 * width)) ** 2);
  const outOfTheMoney = side === 'put' ? strike < l.ref : strike > l.ref;
  weight *= outOfTheMoney ? (side === 'put' ? 1.6 : 1) : 0.35;
  weight *= roundness(strike, l.step) * (l.expiryIndex === 0 ? 0.6 : 1);
  weight *= Math.exp(0.45 * normal(l.seed, 'oi', l.underlying, expiry, strike, side, l.oiDate));
  return Math.round((OI_SCALE[l.underlying] ?? 300) * weight);
}

/** Implied volatility: a skewed smile in log-moneyness, sticky to strike over the day. */
function impliedVol(l: Listing, strike: number): number {
  const base = ATM_VOL[l.underlying] ?? 0.2 + 0.25 * uniform(l.seed, 'vol', l.underlying);
  const atm =
    base * (1 + 0.08 * normal(l.seed, 'atm', l.underlying, l.oiDate)) * (l.expiryIndex === 0 ? 1.1 : 1);
  const m = Math.log(strike / l.ref);
  const skew = 4 / (1 + 0.4 * l.expiryIndex);
  return Math.min(3, Math.max(0.05, atm * (1 - skew * m + 60 * m * m)));
}

/** The synthetic chain of `underlying` at the minute containing `nowMs`, ordered by OCC symbol. */
export function syntheticChain({ seed, underlying, nowMs, calendar }: SyntheticChainInput): ChainRow[] {
  const expiries = listedExpiries(underlying, nowMs, calendar);
  const first = expiries[0];
  if (!first) return [];
  const ref = openingSpot(seed, underlying, first.date);
  const { day, session } = underlyingNow(seed, underlying, calendar, nowMs);
  const minuteMs = nowMs - (nowMs % 60_000);
  const elapsed = Math.min(1, Math.max(0, (minuteMs - session.openMs) / (session.closeMs - session.openMs)));
  const rows: ChainRow[] = [];
  const root = DAILY[underlying] ?? underlying;
  const step = strikeStep(ref);
  const publishedDate =
    calendar.between(addDays(first.date, -10), addDays(first.date, -1)).pop()?.date ?? first.date;
  for (const [expiryIndex, expiry] of expiries.entries()) {
    const listing: Listing = { underlying, seed, ref, step, expiryIndex, oiDate: first.date, publishedDate };
    const years = yearsToExpiry(minuteMs, expiry.closeMs);
    for (const strike of strikeGrid(ref)) {
      const volatility = impliedVol(listing, strike);
      for (const side of ['call', 'put'] as const) {
        const symbol = occSymbol(root, expiry.date, side, strike);
        const { price, greeks } = priceAndGreeks({ spot: day.last, strike, years, volatility }, side);
        const volume = sessionVolume({
          seed,
          underlying,
          symbol,
          side,
          strike,
          spotNow: day.last,
          spotOpen: day.open,
          expiryIndex,
          elapsed,
          date: session.date,
        });
        rows.push(
          quoteRow(
            { listing, symbol, root, side, strike, expiry: expiry.date, price, minuteMs, volume },
            greeks,
            volatility,
          ),
        );
      }
    }
  }
  return rows.sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
}

interface RowBase {
  listing: Listing;
  symbol: string;
  root: string;
  side: OptionSide;
  strike: number;
  expiry: string;
  price: number;
  minuteMs: number;
  /** Contracts traded in the session so far. */
  volume: number;
}

function quoteRow(b: RowBase, greeks: ChainRow['greeks'], volatility: number): ChainRow {
  const half = Math.max(0.005, b.price * 0.02);
  const bid = Math.max(0, Math.floor((b.price - half) * 100) / 100);
  const ask = Math.max(0.01, Math.ceil((b.price + half) * 100) / 100);
  const draw = (what: string): number => uniform(b.listing.seed, what, b.symbol, b.minuteMs);
  return {
    symbol: b.symbol,
    underlying: b.listing.underlying,
    root: b.root,
    side: b.side,
    strike: b.strike,
    strikeText: String(b.strike),
    expiry: b.expiry,
    style: b.listing.underlying === 'SPX' || b.listing.underlying === 'NDX' ? 'european' : 'american',
    openInterest: String(openInterest(b.listing, b.strike, b.side, b.expiry)),
    openInterestDate: b.listing.publishedDate,
    closePrice: Math.max(
      0.01,
      Math.round(b.price * (1 + 0.1 * normal(b.symbol, b.listing.oiDate)) * 100) / 100,
    ).toFixed(2),
    greeks,
    impliedVolatility: Number(volatility.toPrecision(6)),
    quote: { bid, ask, bidSize: 1 + Math.floor(draw('bs') * 300), askSize: 1 + Math.floor(draw('as') * 300) },
    trade: {
      price: Math.max(0.01, Math.round(((bid + ask) / 2) * 100) / 100),
      size: 1 + Math.floor(draw('ts') * 20),
    },
    volume: b.volume,
    quoteTimeMs: b.minuteMs + Math.floor(draw('qt') * 59_000),
    tradeTimeMs: b.minuteMs - Math.floor(draw('tt') * 600_000),
  };
}

import type { OptionSide } from '../../functions/src/gex/types';
import { normal } from '../random';

/** Contracts traded over a whole session at a round at-the-money 0DTE strike, before noise. */
const VOLUME_SCALE: Readonly<Record<string, number>> = {
  SPY: 40000,
  QQQ: 20000,
  IWM: 8000,
  SPX: 15000,
  NDX: 600,
};

/** What one contract's session volume depends on. */
export interface VolumeInput {
  seed: number;
  underlying: string;
  symbol: string;
  side: OptionSide;
  strike: number;
  /** The underlying now, USD: trading clusters around it, not around where open interest sits. */
  spotNow: number;
  /** The session's opening price, USD: puts trade heavier after a fall, calls after a rise. */
  spotOpen: number;
  /** 0 for the nearest expiry (0DTE), 1 for the next, … */
  expiryIndex: number;
  /** Fraction of the session elapsed, 0 at the open to 1 at the close. */
  elapsed: number;
  /** The session date, so each day draws its own noise. */
  date: string;
}

/**
 * Cumulative volume of one contract so far in the session, contracts (an integer ≥ 0). It grows
 * with the session, centres on the current spot (0DTE heaviest) and leans to puts after a fall and
 * to calls after a rise, so volume GEX drifts away from open-interest GEX as the day goes on.
 */
export function sessionVolume(v: VolumeInput): number {
  if (v.elapsed <= 0) return 0;
  const m = Math.log(v.strike / v.spotNow);
  const width = 0.01 + 0.01 * v.expiryIndex;
  const concentration = Math.exp(-0.5 * (m / width) ** 2) + 0.02 * Math.exp(-0.5 * (m / (5 * width)) ** 2);
  const move = Math.log(v.spotNow / v.spotOpen);
  const putShare = 0.5 + 0.35 * Math.tanh(-move * 150);
  const sideWeight = 2 * (v.side === 'put' ? putShare : 1 - putShare);
  const expiryWeight = 1 / (1 + 2 * v.expiryIndex);
  const noise = Math.exp(0.3 * normal(v.seed, 'volume', v.symbol, v.date));
  const scale = VOLUME_SCALE[v.underlying] ?? 500;
  return Math.round(scale * concentration * sideWeight * expiryWeight * noise * Math.min(1, v.elapsed));
}

import type { Decimal } from '../num/decimal';
import type { StrikeGex } from './aggregate-gex';

/** Strike levels read off the GEX profile; null when no strike carries that kind of GEX. */
export interface GexLevels {
  /** Strike with the largest call GEX. */
  callWall: Decimal | null;
  /** Strike with the largest |put GEX|. */
  putWall: Decimal | null;
  /** Strike with the largest |call GEX| + |put GEX|. */
  absGammaStrike: Decimal | null;
}

/** The strike whose `score` is largest and positive (the lower strike wins a tie). */
function argMax(rows: readonly StrikeGex[], score: (row: StrikeGex) => Decimal): Decimal | null {
  let best: StrikeGex | null = null;
  let bestScore: Decimal | null = null;
  for (const row of rows) {
    const value = score(row);
    if (value.isPositive() && !value.isZero() && (bestScore === null || value.gt(bestScore))) {
      best = row;
      bestScore = value;
    }
  }
  return best?.strike ?? null;
}

/** Call wall, put wall and absolute-gamma strike of a by-strike profile (any order). */
export function findGexLevels(byStrike: readonly StrikeGex[]): GexLevels {
  const sorted = [...byStrike].sort((a, b) => a.strike.comparedTo(b.strike));
  return {
    callWall: argMax(sorted, (row) => row.call),
    putWall: argMax(sorted, (row) => row.put.abs()),
    absGammaStrike: argMax(sorted, (row) => row.call.abs().plus(row.put.abs())),
  };
}

import type { ExpiryTotals, SymbolRegime } from '../contract/regime';
import { type Decimal, toMoneyString, toPriceString } from '../num/decimal';
import type { GexAggregate, SideTotals } from './aggregate-gex';
import { classifyRegime } from './classify-regime';
import { findGexLevels } from './gex-levels';
import { roundMoneyTotals } from './money-totals';
import type { ExpiryBucketName, NormalizedChain } from './normalize-contracts';
import type { ChainHead } from './types';
import type { ZeroGammaResult } from './zero-gamma';

/** Everything the regime map is assembled from. */
export interface RegimeParts {
  /** The chain's input (its contracts are not read). */
  input: ChainHead;
  spot: Decimal;
  asOfMs: number;
  chain: NormalizedChain;
  aggregate: GexAggregate;
  sweep: ZeroGammaResult;
}

/** A strike or level with at least two decimals: `590.00`, `4502.50`, `12.125`. */
export function strikeString(value: Decimal): string {
  return toPriceString(value, Math.max(2, value.decimalPlaces()));
}

/**
 * Assembles one symbol's regime map (the contract's `SymbolRegime`): money as two-decimal strings in
 * USD per $1 move (`_per_pct`: per 1% move), calls positive, puts negative. Only the call and put
 * sides are rounded ({@link roundMoneyTotals}); net and gross are sums of the rounded sides, so the
 * stored strings add up to the cent.
 */
export function buildRegime({ input, spot, asOfMs, chain, aggregate, sweep }: RegimeParts): SymbolRegime {
  const money = roundMoneyTotals(aggregate.total, spot);
  const levels = findGexLevels(aggregate.byStrike);
  const regimeClass = classifyRegime(money.net);
  const strike = (value: Decimal | null) => (value === null ? null : strikeString(value));
  return {
    net_gex: toMoneyString(money.net),
    total_call_gex: toMoneyString(money.call),
    total_put_gex: toMoneyString(money.put),
    spot_price: strikeString(spot),
    option_count: aggregate.total.count,
    volatility_bias: regimeClass.volatilityBias,
    gex_regime: regimeClass.gexRegime,
    gex_strength: regimeClass.gexStrength,
    total_gex_dollar: toMoneyString(money.gross),
    net_gex_per_pct: toMoneyString(money.netPerPct),
    total_call_gex_per_pct: toMoneyString(money.callPerPct),
    total_put_gex_per_pct: toMoneyString(money.putPerPct),
    zero_gamma: sweep.level === null ? null : sweep.level.toFixed(2),
    zero_gamma_reason: sweep.reason,
    call_wall: strike(levels.callWall),
    put_wall: strike(levels.putWall),
    abs_gamma_strike: strike(levels.absGammaStrike),
    by_expiry: byExpiry(input, aggregate.byBucket, spot),
    as_of: new Date(asOfMs).toISOString(),
    quality: {
      contracts_seen: chain.seen,
      contracts_used: chain.used.length,
      skipped: chain.skipped,
      local_greeks: chain.localGreeks,
      iv_solved: chain.ivSolved,
      zero_gamma_excluded: chain.zeroGammaExcluded,
    },
  };
}

function bucketTotals(
  totals: SideTotals,
  spot: Decimal,
  meta: { session: string | null; expiry: string | null; note: string | null },
): ExpiryTotals {
  const money = roundMoneyTotals(totals, spot);
  return {
    ...meta,
    net_gex: toMoneyString(money.net),
    total_call_gex: toMoneyString(money.call),
    total_put_gex: toMoneyString(money.put),
    net_gex_per_pct: toMoneyString(money.netPerPct),
    option_count: totals.count,
  };
}

function byExpiry(
  input: ChainHead,
  buckets: Record<ExpiryBucketName, SideTotals>,
  spot: Decimal,
): SymbolRegime['by_expiry'] {
  const bucket = (
    name: 'zero_dte' | 'one_dte',
    { session, expiry }: { session: string; expiry: string | null },
  ) => {
    const note =
      expiry === null
        ? `no expiry listed for session ${session}`
        : buckets[name].count === 0
          ? `no usable contracts expiring ${expiry}`
          : null;
    return bucketTotals(buckets[name], spot, { session, expiry, note });
  };
  const result: SymbolRegime['by_expiry'] = {
    zero_dte: bucket('zero_dte', input.buckets.zeroDte),
    one_dte: bucket('one_dte', input.buckets.oneDte),
  };
  if (buckets.other.count > 0) {
    result.other = bucketTotals(buckets.other, spot, { session: null, expiry: null, note: null });
  }
  return result;
}

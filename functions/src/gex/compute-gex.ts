import type { ExpiryTotals, GexResult, StrikeProfileRow, SymbolRegime } from '../contract/regime';
import { type Decimal, parseDecimal, toMoneyString, toPriceString } from '../num/decimal';
import { aggregateGex, type SideTotals } from './aggregate-gex';
import { classifyRegime } from './classify-regime';
import { gexPerPct } from './contract-gex';
import { findGexLevels } from './gex-levels';
import { normalizeContracts, type NormalizedChain } from './normalize-contracts';
import type { ChainInput } from './types';
import { sweepZeroGamma, type SweepContract } from './zero-gamma';

/** A chain the engine cannot compute at all (its spot or as-of time is unusable). */
export class GexInputError extends Error {
  override readonly name = 'GexInputError';
  constructor(
    message: string,
    readonly underlying: string,
    readonly field: 'spotPrice' | 'asOf',
  ) {
    super(`${underlying}: ${message}`);
  }
}

/**
 * Computes one symbol's dealer gamma exposure from a normalized chain: the regime map of the
 * contract (`SymbolRegime`, decimal strings, USD per $1 move unless `_per_pct`), the profile by
 * strike, and the re-priced GEX curve used for the zero-gamma level. Pure and deterministic.
 * Bad contracts are skipped and counted in `quality`; the result holds no NaN or Infinity.
 * @throws GexInputError when the spot price is not a positive number or `asOf` is not an instant.
 */
export function computeGex(input: ChainInput): GexResult {
  const spot = parseDecimal(input.spotPrice);
  if (!spot || spot.lte(0)) {
    throw new GexInputError(
      `spot price is not a positive number: ${String(input.spotPrice)}`,
      input.underlying,
      'spotPrice',
    );
  }
  const asOfMs = Date.parse(input.asOf);
  if (!Number.isFinite(asOfMs))
    throw new GexInputError(`as-of is not an instant: ${input.asOf}`, input.underlying, 'asOf');
  const chain = normalizeContracts(input, spot, asOfMs);
  const aggregate = aggregateGex(chain.contracts, spot);
  const net = aggregate.total.call.plus(aggregate.total.put);
  const levels = findGexLevels(aggregate.byStrike);
  const sweep = sweepZeroGamma({
    contracts: sweepContracts(chain),
    spot: spot.toNumber(),
    rate: input.riskFreeRate ?? 0.045,
    dividendYield: input.dividendYield ?? 0.013,
  });
  const regimeClass = classifyRegime(net);
  const strike = (value: Decimal | null) => (value === null ? null : strikeString(value));
  const regime: SymbolRegime = {
    net_gex: toMoneyString(net),
    total_call_gex: toMoneyString(aggregate.total.call),
    total_put_gex: toMoneyString(aggregate.total.put),
    spot_price: toPriceString(spot, Math.max(2, spot.decimalPlaces())),
    option_count: aggregate.total.count,
    volatility_bias: regimeClass.volatilityBias,
    gex_regime: regimeClass.gexRegime,
    gex_strength: regimeClass.gexStrength,
    total_gex_dollar: toMoneyString(aggregate.total.call.plus(aggregate.total.put.abs())),
    net_gex_per_pct: toMoneyString(gexPerPct(net, spot)),
    total_call_gex_per_pct: toMoneyString(gexPerPct(aggregate.total.call, spot)),
    total_put_gex_per_pct: toMoneyString(gexPerPct(aggregate.total.put, spot)),
    zero_gamma: sweep.level === null ? null : sweep.level.toFixed(2),
    zero_gamma_reason: sweep.reason,
    call_wall: strike(levels.callWall),
    put_wall: strike(levels.putWall),
    abs_gamma_strike: strike(levels.absGammaStrike),
    by_expiry: byExpiry(input, aggregate.byBucket, spot),
    as_of: new Date(asOfMs).toISOString(),
    quality: {
      contracts_seen: chain.seen,
      contracts_used: chain.contracts.length,
      skipped: chain.skipped,
      local_greeks: chain.localGreeks,
      iv_solved: chain.ivSolved,
    },
  };
  const profile: StrikeProfileRow[] = aggregate.byStrike.map((row) => ({
    strike: strikeString(row.strike),
    call_gex: toMoneyString(row.call),
    put_gex: toMoneyString(row.put),
    net_gex: toMoneyString(row.call.plus(row.put)),
  }));
  return { regime, profile, curve: sweep.curve };
}

/** A strike or level with at least two decimals: `590.00`, `4502.50`, `12.125`. */
function strikeString(value: Decimal): string {
  return toPriceString(value, Math.max(2, value.decimalPlaces()));
}

/** Contracts the zero-gamma sweep can re-price: those with a known volatility. */
export function sweepContracts(chain: NormalizedChain): SweepContract[] {
  const out: SweepContract[] = [];
  for (const c of chain.contracts) {
    if (c.volatility === null) continue;
    const openInterest = c.openInterest.toNumber();
    out.push({
      side: c.side,
      strike: c.strike.toNumber(),
      openInterest,
      years: c.years,
      volatility: c.volatility,
    });
  }
  return out;
}

function bucketTotals(
  totals: SideTotals,
  spot: Decimal,
  meta: { session: string | null; expiry: string | null; note: string | null },
): ExpiryTotals {
  const net = totals.call.plus(totals.put);
  return {
    ...meta,
    net_gex: toMoneyString(net),
    total_call_gex: toMoneyString(totals.call),
    total_put_gex: toMoneyString(totals.put),
    net_gex_per_pct: toMoneyString(gexPerPct(net, spot)),
    option_count: totals.count,
  };
}

function byExpiry(
  input: ChainInput,
  buckets: Record<'zero_dte' | 'one_dte' | 'other', SideTotals>,
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

import type { GexResult } from '../contract/regime';
import { parseDecimal, toMoneyString } from '../num/decimal';
import { aggregateGex } from './aggregate-gex';
import { buildRegime, strikeString } from './build-regime';
import { roundToCents } from './money-totals';
import {
  DEFAULT_DIVIDEND_YIELD,
  DEFAULT_RISK_FREE_RATE,
  normalizeContracts,
  type NormalizedChain,
} from './normalize-contracts';
import type { ChainInput } from './types';
import { withExposures } from './with-exposures';
import { sweepZeroGamma, type SweepContract } from './zero-gamma';

/** A chain the engine cannot compute at all: unusable spot or as-of time, or no usable contract. */
export class GexInputError extends Error {
  override readonly name = 'GexInputError';
  constructor(
    message: string,
    readonly underlying: string,
    readonly field: 'spotPrice' | 'asOf' | 'contracts',
  ) {
    super(`${underlying}: ${message}`);
  }
}

/** Options of {@link computeGex}. */
export interface ComputeOptions {
  /**
   * Add volume GEX, majors and delta/vanna/charm exposure (default true). False gives the
   * open-interest figures alone, exactly as they are with them.
   */
  exposures?: boolean;
}

/**
 * Computes one symbol's dealer gamma exposure from a normalized chain: the regime map of the
 * contract (`SymbolRegime`, decimal strings, USD per $1 move unless `_per_pct`), the profile by
 * strike, and the re-priced GEX curve used for the zero-gamma level. Pure and deterministic.
 * Bad contracts are skipped and counted in `quality`; the result holds no NaN or Infinity.
 * @throws GexInputError when the spot price is not a positive number, `asOf` is not an instant, or
 *   no contract is usable (all-zero totals would pass for data).
 */
export function computeGex(input: ChainInput, options: ComputeOptions = {}): GexResult {
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
  const exposures = options.exposures ?? true;
  const chain = normalizeContracts(input, spot, asOfMs, { exposures });
  if (chain.contracts.length === 0) {
    throw new GexInputError(
      `no usable contracts among ${chain.seen} (skipped: ${JSON.stringify(chain.skipped)})`,
      input.underlying,
      'contracts',
    );
  }
  const aggregate = aggregateGex(chain.contracts, spot);
  const sweep = sweepZeroGamma({
    contracts: sweepContracts(chain),
    spot: spot.toNumber(),
    rate: input.riskFreeRate ?? DEFAULT_RISK_FREE_RATE,
    dividendYield: input.dividendYield ?? DEFAULT_DIVIDEND_YIELD,
  });
  const regime = buildRegime({ input, spot, asOfMs, chain, aggregate, sweep });
  const profile = aggregate.byStrike.map((row) => {
    const [call, put] = [roundToCents(row.call), roundToCents(row.put)];
    return {
      strike: strikeString(row.strike),
      call_gex: toMoneyString(call),
      put_gex: toMoneyString(put),
      net_gex: toMoneyString(call.plus(put)),
    };
  });
  const result = { regime, profile, curve: sweep.curve };
  return exposures ? withExposures(result, chain, spot) : result;
}

/** Contracts the zero-gamma sweep can re-price: those with a known volatility. */
export function sweepContracts(chain: NormalizedChain): SweepContract[] {
  const out: SweepContract[] = [];
  for (const c of chain.contracts) {
    if (c.volatility === null) continue;
    out.push({
      side: c.side,
      strike: c.strikeNumber,
      openInterest: c.openInterestNumber,
      years: c.years,
      volatility: c.volatility,
    });
  }
  return out;
}

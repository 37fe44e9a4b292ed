import type { GexResult } from '../contract/regime';
import { addMoneyStrings, type Decimal, parseDecimal, toMoneyString } from '../num/decimal';
import { aggregateColumns } from './aggregate-gex';
import { buildRegime, strikeString } from './build-regime';
import {
  ChainNormalizer,
  DEFAULT_DIVIDEND_YIELD,
  DEFAULT_RISK_FREE_RATE,
  normalizeContracts,
  type NormalizedChain,
  repeatsAString,
  type StrikeRef,
} from './normalize-contracts';
import type { ChainHead, ChainInput, ContractFeed, OptionSide } from './types';
import { withExposures } from './with-exposures';
import { SweepTerms, sweepZeroGammaTerms } from './zero-gamma';

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
  const { spot, asOfMs } = checkHead(input);
  const exposures = options.exposures ?? true;
  const chain = normalizeContracts(input, spot, asOfMs, { exposures });
  return computeNormalized(input, chain, spot, asOfMs, exposures);
}

/**
 * {@link computeGex} of a chain whose contracts arrive one at a time (`feed`), each validated as it
 * comes, so none has to outlive its reading. `head` is what is known before the contracts; of the
 * head `feed` returns, the result takes the underlying and the buckets (known only once the
 * contracts are read), which must put every fed contract in the bucket `head`'s buckets put it
 * in. The same result as {@link computeGex} of that head with the fed contracts. `feed` is called
 * once, or twice when the chain repeats a symbol (the second pass checks every symbol).
 * @throws GexInputError as {@link computeGex} does.
 */
export function computeGexOfFeed(
  head: ChainHead,
  feed: ContractFeed,
  options: ComputeOptions = {},
): GexResult {
  const { spot, asOfMs } = checkHead(head);
  const exposures = options.exposures ?? true;
  // Symbols are trusted while reading and checked all at once after: most chains repeat none.
  const symbols: string[] = [];
  let normalizer = new ChainNormalizer(head, spot, asOfMs, { exposures, symbols: 'trust' });
  let end = feed((contract) => {
    symbols.push(contract.symbol);
    normalizer.add(contract);
  });
  if (repeatsAString(symbols)) {
    normalizer = new ChainNormalizer(head, spot, asOfMs, { exposures, symbols: 'check' });
    end = feed((contract) => normalizer.add(contract));
  }
  const final = { ...head, underlying: end.underlying, buckets: end.buckets };
  return computeNormalized(final, normalizer.chain, spot, asOfMs, exposures);
}

/** The spot as a Decimal and the as-of instant of a chain's head. @throws GexInputError when either is unusable. */
function checkHead(head: ChainHead): { spot: Decimal; asOfMs: number } {
  const spot = parseDecimal(head.spotPrice);
  if (!spot || spot.lte(0)) {
    throw new GexInputError(
      `spot price is not a positive number: ${String(head.spotPrice)}`,
      head.underlying,
      'spotPrice',
    );
  }
  const asOfMs = Date.parse(head.asOf);
  if (!Number.isFinite(asOfMs))
    throw new GexInputError(`as-of is not an instant: ${head.asOf}`, head.underlying, 'asOf');
  return { spot, asOfMs };
}

/** The sums, sweep and regime of a normalized chain. */
function computeNormalized(
  head: ChainHead,
  chain: NormalizedChain,
  spot: Decimal,
  asOfMs: number,
  exposures: boolean,
): GexResult {
  if (chain.used.length === 0) {
    throw new GexInputError(
      `no usable contracts among ${chain.seen} (skipped: ${JSON.stringify(chain.skipped)})`,
      head.underlying,
      'contracts',
    );
  }
  const aggregate = aggregateColumns(chain.used, spot);
  const sweep = sweepZeroGammaTerms(
    sweepTermsOf(
      chain,
      head.riskFreeRate ?? DEFAULT_RISK_FREE_RATE,
      head.dividendYield ?? DEFAULT_DIVIDEND_YIELD,
    ),
    { spot: spot.toNumber() },
  );
  const regime = buildRegime({ input: head, spot, asOfMs, chain, aggregate, sweep });
  const profile = aggregate.byStrike.map((row) => {
    // Each side rounded to the cent once (toFixed rounds as roundToCents does); net = call + put exactly.
    const [call, put] = [toMoneyString(row.call), toMoneyString(row.put)];
    return {
      strike: strikeString(row.strike),
      call_gex: call,
      put_gex: put,
      net_gex: addMoneyStrings(call, put),
    };
  });
  const result = { regime, profile, curve: sweep.curve };
  return exposures ? withExposures(result, chain, spot) : result;
}

/**
 * The zero-gamma sweep's terms of the contracts it can re-price (those with a known volatility),
 * straight from the chain's columns, without an object per contract.
 */
export function sweepTermsOf(chain: NormalizedChain, rate: number, dividendYield: number): SweepTerms {
  const { side, strike, openInterestNumber, years, volatility } = chain.used;
  const terms = new SweepTerms(chain.used.length, rate, dividendYield);
  for (let i = 0; i < chain.used.length; i++) {
    const vol = volatility[i] as number;
    if (Number.isNaN(vol)) continue;
    const strikeNumber = (strike[i] as StrikeRef).strikeNumber;
    terms.add(side[i] as OptionSide, strikeNumber, openInterestNumber[i] as number, years[i] as number, vol);
  }
  return terms;
}

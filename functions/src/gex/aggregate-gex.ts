import { Decimal, ZERO } from '../num/decimal';
import { ExactSum, type ExactTerm } from '../num/exact-sum';
import { CONTRACT_MULTIPLIER } from './contract-gex';
import {
  compareStrikes,
  ContractColumns,
  type ExpiryBucketName,
  type NormalizedContract,
  type StrikeRef,
} from './normalize-contracts';

/** Call and put GEX in USD per $1 move (calls ≥ 0, puts ≤ 0) and how many contracts entered. */
export interface SideTotals {
  call: Decimal;
  put: Decimal;
  count: number;
}

/** GEX of one strike across every included expiry, USD per $1 move (puts negative). */
export interface StrikeGex {
  strike: Decimal;
  call: Decimal;
  put: Decimal;
}

/** Dealer GEX sums of a chain, USD per $1 move. */
export interface GexAggregate {
  total: SideTotals;
  /** Ascending by strike. */
  byStrike: StrikeGex[];
  byBucket: Record<ExpiryBucketName, SideTotals>;
}

interface Accumulator {
  /** Σ gamma × OI of calls, and of puts (unsigned), exact. */
  call: ExactSum;
  put: ExactSum;
  count: number;
}

const empty = (): Accumulator => ({ call: new ExactSum(), put: new ExactSum(), count: 0 });

function add(acc: Accumulator, call: boolean, term: ExactTerm): void {
  (call ? acc.call : acc.put).addTerm(term);
  acc.count++;
}

/**
 * Sums dealer GEX (USD per $1 move: Σ gamma × OI × 100 × spot, puts negative) in total, by strike
 * and by expiry bucket, exactly: Σ gamma × OI is kept in scaled integers ({@link ExactSum}) and
 * becomes a Decimal once per sum, which is scaled by `100 × spot` once. The result is the same
 * value as summing {@link contractGexPerDollar} per contract in Decimal, without a Decimal per term.
 */
export function aggregateGex(contracts: readonly NormalizedContract[], spot: Decimal): GexAggregate {
  return aggregateColumns(ContractColumns.of(contracts), spot);
}

/** {@link aggregateGex} of contracts held as columns (per-strike sums by {@link StrikeRef} index). */
export function aggregateColumns(contracts: ContractColumns, spot: Decimal): GexAggregate {
  const strikes: (Accumulator & { strike: Decimal; strikeNumber: number })[] = [];
  const buckets: Record<ExpiryBucketName, Accumulator> = {
    zero_dte: empty(),
    one_dte: empty(),
    other: empty(),
  };
  const {
    side,
    strike: strikeRefs,
    gamma: gammas,
    openInterest: openInterests,
    bucket: bucketNames,
  } = contracts;
  for (let i = 0; i < contracts.length; i++) {
    const ref = strikeRefs[i] as StrikeRef;
    let row = strikes[ref.index];
    if (!row) {
      const { strike, strikeNumber } = ref;
      strikes[ref.index] = row = {
        call: new ExactSum(),
        put: new ExactSum(),
        count: 0,
        strike,
        strikeNumber,
      };
    }
    const call = side[i] === 'call';
    const term = ExactSum.term(gammas[i] as Decimal, openInterests[i] as Decimal);
    add(row, call, term);
    add(buckets[bucketNames[i] as ExpiryBucketName], call, term);
  }
  const factor = CONTRACT_MULTIPLIER.times(spot);
  const scale = (acc: Accumulator): SideTotals => ({
    call: acc.call.toDecimal().times(factor),
    put: acc.put.toDecimal().times(factor).negated(),
    count: acc.count,
  });
  const byBucket = {
    zero_dte: scale(buckets.zero_dte),
    one_dte: scale(buckets.one_dte),
    other: scale(buckets.other),
  };
  const byStrike = strikes
    .filter((row) => row !== undefined)
    .sort(compareStrikes)
    .map((row) => {
      const { call, put, count } = scale(row);
      return { strike: row.strike, call, put, count };
    });
  const total = Object.values(byBucket).reduce(
    (sum, b) => ({ call: sum.call.plus(b.call), put: sum.put.plus(b.put), count: sum.count + b.count }),
    { call: ZERO, put: ZERO, count: 0 },
  );
  return { total, byStrike, byBucket };
}

import {
  blackScholesDelta,
  blackScholesGamma,
  blackScholesPrice,
  blackScholesVega,
  normalCdf,
  normalPdf,
  type BlackScholesInput,
} from '../../pricing/black-scholes';
import type { OptionSide } from '../../functions/src/gex/types';
import type { RowGreeks } from './chain-row';

/** Rates the simulator prices with (continuously compounded, annual). */
export const RISK_FREE_RATE = 0.045;
export const DIVIDEND_YIELD = 0.013;
const MS_PER_YEAR = 365 * 86_400_000;
/** Shortest time to expiry priced, so an expired 0DTE still has finite greeks after the close. */
const MIN_YEARS = 60_000 / MS_PER_YEAR;

/** Years from `nowMs` to `expiryCloseMs`, floored at one minute. */
export function yearsToExpiry(nowMs: number, expiryCloseMs: number): number {
  return Math.max(MIN_YEARS, (expiryCloseMs - nowMs) / MS_PER_YEAR);
}

/** Keeps six significant digits, as a vendor feed would print. */
function tidy(value: number): number {
  return Number(value.toPrecision(6));
}

/** Model price per share (USD) and Alpaca-style greeks of one option. */
export function priceAndGreeks(
  input: Omit<BlackScholesInput, 'rate' | 'dividendYield'>,
  side: OptionSide,
): { price: number; greeks: RowGreeks } {
  const bs: BlackScholesInput = { ...input, rate: RISK_FREE_RATE, dividendYield: DIVIDEND_YIELD };
  const sqrtT = Math.sqrt(bs.years);
  const d1 =
    (Math.log(bs.spot / bs.strike) + (bs.rate - bs.dividendYield + 0.5 * bs.volatility ** 2) * bs.years) /
    (bs.volatility * sqrtT);
  const d2 = d1 - bs.volatility * sqrtT;
  const carry = Math.exp(-bs.dividendYield * bs.years);
  const discount = Math.exp(-bs.rate * bs.years);
  const decay = (-bs.spot * carry * normalPdf(d1) * bs.volatility) / (2 * sqrtT);
  const sign = side === 'call' ? 1 : -1;
  const thetaYear =
    decay -
    sign * bs.rate * bs.strike * discount * normalCdf(sign * d2) +
    sign * bs.dividendYield * bs.spot * carry * normalCdf(sign * d1);
  const rho = (sign * bs.strike * bs.years * discount * normalCdf(sign * d2)) / 100;
  return {
    price: blackScholesPrice(bs, side),
    greeks: {
      delta: tidy(blackScholesDelta(bs, side)),
      gamma: tidy(blackScholesGamma(bs)),
      theta: tidy(thetaYear / 365),
      vega: tidy(blackScholesVega(bs) / 100),
      rho: tidy(rho),
    },
  };
}

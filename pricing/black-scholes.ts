/**
 * Black-Scholes-Merton for a European option on an underlying with a continuous dividend yield.
 * float64 on purpose: these are model outputs (a gamma, a level), not money. Money sums convert
 * the result to Decimal once.
 */

export interface BlackScholesInput {
  /** Underlying price, USD. */
  spot: number;
  /** Strike, USD. */
  strike: number;
  /** Time to expiry in years (> 0). */
  years: number;
  /** Annualized volatility (0.2 = 20%, > 0). */
  volatility: number;
  /** Continuously compounded risk-free rate. */
  rate: number;
  /** Continuously compounded dividend yield. */
  dividendYield: number;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Standard normal density. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal cumulative distribution, via the complementary error function
 * (W. J. Cody's rational approximation as in Numerical Recipes' erfc, |error| < 1.2e-7).
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/** σ√T of an input: d₂ = d₁ − σ√T. */
function volSqrtTOf(input: BlackScholesInput): number {
  return input.volatility * Math.sqrt(input.years);
}

/** d₁ of an input whose σ√T is `volSqrtT` (a number, not a pair: no array per call). */
function d1Of(input: BlackScholesInput, volSqrtT: number): number {
  const { spot, strike, years, volatility, rate, dividendYield } = input;
  return (
    (Math.log(spot / strike) + (rate - dividendYield + 0.5 * volatility * volatility) * years) / volSqrtT
  );
}

/** Gamma (per $1 move of the underlying), the same for calls and puts. */
export function blackScholesGamma(input: BlackScholesInput): number {
  const d1 = d1Of(input, volSqrtTOf(input));
  return (
    (Math.exp(-input.dividendYield * input.years) * normalPdf(d1)) /
    (input.spot * input.volatility * Math.sqrt(input.years))
  );
}

/** Delta of a call (positive) or a put (negative). */
export function blackScholesDelta(input: BlackScholesInput, side: 'call' | 'put'): number {
  const d1 = d1Of(input, volSqrtTOf(input));
  const carry = Math.exp(-input.dividendYield * input.years);
  return side === 'call' ? carry * normalCdf(d1) : carry * (normalCdf(d1) - 1);
}

/** Price per share of a call or put, USD. */
export function blackScholesPrice(input: BlackScholesInput, side: 'call' | 'put'): number {
  const volSqrtT = volSqrtTOf(input);
  const d1 = d1Of(input, volSqrtT);
  const d2 = d1 - volSqrtT;
  const spotLeg = input.spot * Math.exp(-input.dividendYield * input.years);
  const strikeLeg = input.strike * Math.exp(-input.rate * input.years);
  return side === 'call'
    ? spotLeg * normalCdf(d1) - strikeLeg * normalCdf(d2)
    : strikeLeg * normalCdf(-d2) - spotLeg * normalCdf(-d1);
}

/** Vega per 1.00 of volatility (not per 1%), USD per share. */
export function blackScholesVega(input: BlackScholesInput): number {
  const d1 = d1Of(input, volSqrtTOf(input));
  return input.spot * Math.exp(-input.dividendYield * input.years) * normalPdf(d1) * Math.sqrt(input.years);
}

/**
 * Vanna: change of delta per 1.00 of volatility (∂Δ/∂σ = ∂vega/∂S), the same for calls and puts:
 * `−e^(−qT) φ(d1) d2 / σ`. Per 1 volatility point (0.01) is this × 0.01.
 */
export function blackScholesVanna(input: BlackScholesInput): number {
  const volSqrtT = volSqrtTOf(input);
  const d1 = d1Of(input, volSqrtT);
  const d2 = d1 - volSqrtT;
  return (-Math.exp(-input.dividendYield * input.years) * normalPdf(d1) * d2) / input.volatility;
}

/**
 * Charm: change of delta per year as time passes (−∂Δ/∂T, calendar time; per day is this ÷ 365).
 * Call: `q e^(−qT) N(d1) − e^(−qT) φ(d1) (2(r−q)T − d2 σ√T) / (2T σ√T)`; the put's first term is
 * `−q e^(−qT) N(−d1)`. A call far out of the money loses delta as expiry nears (negative charm).
 */
export function blackScholesCharm(input: BlackScholesInput, side: 'call' | 'put'): number {
  const volSqrtT = volSqrtTOf(input);
  const d1 = d1Of(input, volSqrtT);
  const d2 = d1 - volSqrtT;
  const { years, rate, dividendYield } = input;
  const carry = Math.exp(-dividendYield * years);
  const decay =
    (carry * normalPdf(d1) * (2 * (rate - dividendYield) * years - d2 * volSqrtT)) / (2 * years * volSqrtT);
  const drift =
    side === 'call' ? dividendYield * carry * normalCdf(d1) : -dividendYield * carry * normalCdf(-d1);
  return drift - decay;
}

/** Delta, vanna and charm of one option (see {@link blackScholesDelta} and the others). */
export interface DeltaGreeks {
  delta: number;
  vanna: number;
  charm: number;
}

/**
 * {@link blackScholesDelta}, {@link blackScholesVanna} and {@link blackScholesCharm} at once, sharing
 * d₁, d₂, e^(−qT) and φ(d₁): each value is bit for bit the one its own function gives.
 */
export function blackScholesDeltaGreeks(input: BlackScholesInput, side: 'call' | 'put'): DeltaGreeks {
  const volSqrtT = volSqrtTOf(input);
  const d1 = d1Of(input, volSqrtT);
  const d2 = d1 - volSqrtT;
  const { years, volatility, rate, dividendYield } = input;
  const carry = Math.exp(-dividendYield * years);
  const density = normalPdf(d1);
  const cdf = normalCdf(d1);
  const decay =
    (carry * density * (2 * (rate - dividendYield) * years - d2 * volSqrtT)) / (2 * years * volSqrtT);
  const drift = side === 'call' ? dividendYield * carry * cdf : -dividendYield * carry * normalCdf(-d1);
  return {
    delta: side === 'call' ? carry * cdf : carry * (cdf - 1),
    vanna: (-carry * density * d2) / volatility,
    charm: drift - decay,
  };
}

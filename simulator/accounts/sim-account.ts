import { FaultSet } from '../faults';
import { stableUuid } from '../random';

/**
 * A holding as the simulator keeps it: a stock by symbol, or an option picked each session from
 * the simulated chain (`dte` 0 or 1, strike nearest the session's opening spot × (1 + `moneyness`)).
 */
export type HoldingSpec =
  | { kind: 'stock'; symbol: string; qty: number; avgEntryPrice: number }
  | {
      kind: 'option';
      underlying: string;
      dte: 0 | 1;
      side: 'call' | 'put';
      moneyness: number;
      /** Contracts; negative = short. */
      qty: number;
      avgEntryPrice: number;
    };

/** How an account authenticates: an API key pair, or an OAuth bearer token. */
export type SimCredentials = { keyId: string; secretKey: string } | { accessToken: string };

/** One simulated brokerage account. */
export interface SimAccount {
  id: string;
  accountNumber: string;
  credentials: SimCredentials;
  paper: boolean;
  cash: number;
  holdings: HoldingSpec[];
  /** Faults that hit only this account's requests (status, latency, hang, malformed JSON). */
  faults: FaultSet;
  /** Requests this account made (faulted ones too). */
  requests: number;
}

/** The default small book: SPY shares and a few SPY/QQQ 0DTE and 1DTE options. */
export const DEFAULT_HOLDINGS: readonly HoldingSpec[] = [
  { kind: 'stock', symbol: 'SPY', qty: 100, avgEntryPrice: 580.12 },
  { kind: 'option', underlying: 'SPY', dte: 0, side: 'call', moneyness: 0.005, qty: 5, avgEntryPrice: 1.85 },
  { kind: 'option', underlying: 'SPY', dte: 1, side: 'put', moneyness: -0.01, qty: 3, avgEntryPrice: 2.4 },
  { kind: 'option', underlying: 'QQQ', dte: 0, side: 'put', moneyness: -0.005, qty: -2, avgEntryPrice: 1.1 },
  { kind: 'option', underlying: 'QQQ', dte: 1, side: 'call', moneyness: 0.01, qty: 4, avgEntryPrice: 1.6 },
];

/** Builds an account; its id and number are stable for the same `index`. */
export function newSimAccount(input: {
  index: number;
  credentials: SimCredentials;
  paper?: boolean;
  cash?: number;
  holdings?: readonly HoldingSpec[];
}): SimAccount {
  const accountNumber = `${input.paper === false ? '6' : 'PA'}${String(31_000_000 + input.index * 7919).padStart(9, '0')}`;
  return {
    id: stableUuid('account', input.index),
    accountNumber,
    credentials: input.credentials,
    paper: input.paper ?? true,
    cash: input.cash ?? 25_000,
    holdings: [...(input.holdings ?? DEFAULT_HOLDINGS)],
    faults: new FaultSet(),
    requests: 0,
  };
}

import type { AccountSnapshot } from './inputs';
import type { RegimeSource } from './resolve-regime';

/** Input of {@link orderBlockers}. */
export interface OrderGatesInput {
  regimeSource: RegimeSource;
  marketOpen: boolean;
  account: AccountSnapshot;
  /** Orders the user has placed today (all strategies), as the runner counted them. */
  ordersToday: number;
  /** The user's cap on orders per day. */
  maxOrdersPerDay: number;
}

/**
 * Why no order may be proposed at all, one line per reason; empty when orders are allowed.
 * Blocks: a fallback regime (override, last good or default), a closed market, an account that is
 * blocked, suspended by its owner or not ACTIVE, no positive equity, the daily order cap reached.
 */
export function orderBlockers(input: OrderGatesInput): string[] {
  const { account } = input;
  const blockers: string[] = [];
  if (input.regimeSource !== 'document')
    blockers.push(`no orders on a fallback regime (${input.regimeSource})`);
  if (!input.marketOpen) blockers.push('no orders: market closed');
  const flags = [
    ['trading_blocked', account.tradingBlocked],
    ['account_blocked', account.accountBlocked],
    ['trade_suspended_by_user', account.tradeSuspendedByUser],
  ] as const;
  for (const [name, on] of flags) if (on) blockers.push(`no orders: account ${name}`);
  if (account.status !== 'ACTIVE') blockers.push(`no orders: account status ${account.status}`);
  if (!account.equity.isFinite() || !account.equity.gt(0)) blockers.push('no orders: no positive equity');
  const used = Number.isFinite(input.ordersToday) ? input.ordersToday : Infinity;
  if (used >= input.maxOrdersPerDay) {
    blockers.push(
      `no orders: daily order cap reached (${String(input.ordersToday)} of ${input.maxOrdersPerDay})`,
    );
  }
  return blockers;
}

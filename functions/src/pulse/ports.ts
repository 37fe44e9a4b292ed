import type { AccountSync } from '../accounts/account-sync';
import type { GexResult } from '../contract/regime';
import type { ChainInput } from '../gex/types';
import type { MarketDataSource } from '../market/market-source';
import type { EventNotifier } from '../notify/webhook-notifier';
import type { PulseStore } from '../store/pulse-store';
import type { PulseConfig } from './pulse-config';

/** Structured logger (firebase-functions/logger fits). Fields must never hold secrets. */
export interface PulseLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Everything `runPulse` touches, injected. */
export interface PulseDeps {
  market: MarketDataSource;
  store: PulseStore;
  accounts: AccountSync;
  log: PulseLog;
  /** Wall clock (lease expiry, durations). */
  now: () => Date;
  /** The pure engine, `computeGex` in production. */
  computeGex: (chain: ChainInput) => GexResult;
  config: PulseConfig;
  /** Posts regime events to the configured webhook; absent or null when none is set. */
  notifier?: EventNotifier | null;
}

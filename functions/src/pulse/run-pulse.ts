import type { MarketRegimeDocument } from '../contract/regime';
import { buildPulseWrites } from './build-writes';
import { isComputeDue } from './cadence';
import { computeSymbols, errorMessage } from './compute-symbols';
import type { SymbolOutcome } from './merge-symbol';
import type { Lease } from '../store/pulse-store';
import type { MarketClock } from '../market/market-source';
import type { PulseDeps } from './ports';

/** What a pulse did; also what the trigger logs. */
export type PulseOutcome =
  | {
      status: 'written';
      pulseTime: string;
      docsWritten: number;
      marketOpen: boolean;
      stale: boolean;
      apiCalls: number;
      durationMs: number;
    }
  | {
      status: 'skipped';
      pulseTime: string;
      reason: 'held' | 'superseded' | 'market_closed_cadence' | 'lease_lost' | 'as_of_regression';
      apiCalls: number;
      durationMs: number;
    };

/**
 * One pulse, as in design.md: lease → previous regime → account sync started (not awaited) and,
 * at once, market clock (closed-market cadence) → chains and GEX per symbol → one atomic write of
 * regime, profiles and history. The run returns once the account sync's enqueueing has finished too.
 * Partial failure is data (stale symbols keep their numbers); only a Firestore failure throws.
 * @param event.scheduleTime ISO-8601 schedule time (Cloud Scheduler's), the pulse's identity.
 * @throws when Firestore itself fails (the lease is released first).
 */
export async function runPulse(deps: PulseDeps, event: { scheduleTime: string }): Promise<PulseOutcome> {
  const startedMs = deps.now().getTime();
  const pulseTime = normalizeIso(event.scheduleTime, deps.now());
  const attempt = await deps.store.acquireLease({
    pulseTime,
    now: deps.now(),
    ttlMs: deps.config.leaseTtlMs,
  });
  if (!attempt.acquired) {
    deps.log.info('pulse skipped', { pulse_time: pulseTime, reason: attempt.reason });
    return { status: 'skipped', pulseTime, reason: attempt.reason, apiCalls: 0, durationMs: 0 };
  }
  let released = false;
  try {
    const outcome = await runUnderLease(deps, attempt.lease, startedMs);
    released = outcome.status === 'written' || outcome.reason !== 'market_closed_cadence';
    deps.log.info('pulse finished', logFields(outcome));
    return outcome;
  } finally {
    if (!released) await deps.store.releaseLease(attempt.lease);
  }
}

async function runUnderLease(deps: PulseDeps, lease: Lease, startedMs: number): Promise<PulseOutcome> {
  const pulseTime = lease.pulseTime;
  const elapsed = () => deps.now().getTime() - startedMs;
  const previous = await readPrevious(deps);
  // Started, never awaited before the regime write: the market part goes on at once.
  const accounts = syncAccounts(deps, pulseTime, previous?.market_open ?? true);
  try {
    return await computeAndCommit(deps, { lease, previous, elapsed });
  } finally {
    await accounts;
  }
}

async function computeAndCommit(
  deps: PulseDeps,
  input: { lease: Lease; previous: MarketRegimeDocument | null; elapsed: () => number },
): Promise<PulseOutcome> {
  const { lease, previous, elapsed } = input;
  const pulseTime = lease.pulseTime;
  const market = await readMarket(deps, previous, pulseTime);
  if (market === 'not_due') {
    const reason = 'market_closed_cadence';
    return { status: 'skipped', pulseTime, reason, apiCalls: 1, durationMs: elapsed() };
  }
  const writes = buildPulseWrites({
    ...market,
    symbols: deps.config.symbols,
    previous,
    pulseTime,
    writtenAt: deps.now().toISOString(),
    durationMs: elapsed(),
    historyRetentionDays: deps.config.historyRetentionDays,
    marketDataSource: deps.config.marketDataSource,
  });
  const committed = await deps.store.commitPulse(lease, writes);
  const { apiCalls } = market;
  if (committed.reason) {
    deps.log.warn('pulse write fenced off', { pulse_time: pulseTime, reason: committed.reason });
    return { status: 'skipped', pulseTime, reason: committed.reason, apiCalls, durationMs: elapsed() };
  }
  const { market_open: marketOpen, stale } = writes.regime.header;
  return {
    status: 'written',
    pulseTime,
    docsWritten: committed.written,
    marketOpen,
    stale,
    apiCalls,
    durationMs: elapsed(),
  };
}

/** What the market said this pulse: the clock, each symbol's outcome, calls, a pulse-level error. */
interface MarketRead {
  clock: MarketClock | null;
  outcomes: Record<string, SymbolOutcome>;
  apiCalls: number;
  pulseError: string | null;
}

/**
 * Reads the clock; unless the closed-market cadence says not yet, loads the chains and runs the
 * engine. A clock failure is a pulse-level error (every symbol keeps its last numbers).
 */
async function readMarket(
  deps: PulseDeps,
  previous: MarketRegimeDocument | null,
  pulseTime: string,
): Promise<MarketRead | 'not_due'> {
  let clock: MarketClock;
  try {
    clock = await deps.market.readClock();
  } catch (err) {
    const pulseError = `market clock: ${errorMessage(err)}`;
    deps.log.error('pulse market clock failed', { pulse_time: pulseTime, error: pulseError });
    return { clock: null, outcomes: {}, apiCalls: 1, pulseError };
  }
  const cadenceMinutes = deps.config.closedCadenceMinutes;
  if (!isComputeDue({ marketOpen: clock.isOpen, previous, pulseTime, cadenceMinutes })) {
    return 'not_due';
  }
  const loaded = await loadChains(deps, clock);
  const outcomes = computeSymbols({ ...deps, symbols: deps.config.symbols, chains: loaded.chains });
  return { clock, outcomes, apiCalls: 1 + loaded.apiCalls, pulseError: loaded.error };
}

/**
 * Starts the minute's account sync (it enqueues tasks; accounts are synced by the task worker).
 * Never rejects: a failure is logged and never touches the market regime. The market's open state
 * is the last written regime's (the pulse reads the clock only afterwards, in parallel).
 */
async function syncAccounts(deps: PulseDeps, asOf: string, marketOpen: boolean): Promise<void> {
  const startedMs = deps.now().getTime();
  try {
    const report = await deps.accounts.syncAll({ asOf, marketOpen });
    deps.log.info('pulse account sync started', {
      users: report.users,
      tasks: report.tasks,
      duplicate_tasks: report.duplicateTasks,
      skipped: report.skipped,
      duration_ms: deps.now().getTime() - startedMs,
    });
  } catch (err) {
    deps.log.error('pulse account sync failed', { error: errorMessage(err) });
  }
}

/** The stored regime; an unreadable one is logged and treated as absent (fresh start). */
async function readPrevious(deps: PulseDeps): Promise<MarketRegimeDocument | null> {
  try {
    return await deps.store.readRegime();
  } catch (err) {
    deps.log.warn('pulse previous regime unreadable', { error: errorMessage(err) });
    return null;
  }
}

async function loadChains(deps: PulseDeps, clock: MarketClock) {
  const startedMs = deps.now().getTime();
  try {
    const loaded = await deps.market.loadChains({ symbols: deps.config.symbols, clock });
    deps.log.info('pulse market data loaded', {
      symbols: deps.config.symbols,
      market_open: clock.isOpen,
      api_calls: loaded.apiCalls,
      duration_ms: deps.now().getTime() - startedMs,
    });
    return { ...loaded, error: null };
  } catch (err) {
    const error = `market data: ${errorMessage(err)}`;
    deps.log.error('pulse market data failed', { error });
    return { chains: {}, apiCalls: 0, error };
  }
}

/** The outcome as log fields, snake_case like every other pulse log line. */
function logFields(outcome: PulseOutcome): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    status: outcome.status,
    pulse_time: outcome.pulseTime,
    api_calls: outcome.apiCalls,
    duration_ms: outcome.durationMs,
  };
  if (outcome.status === 'skipped') return { ...fields, reason: outcome.reason };
  const { docsWritten, marketOpen, stale } = outcome;
  return { ...fields, docs_written: docsWritten, market_open: marketOpen, stale };
}

/** A valid ISO-8601 instant for the schedule time (the wall clock when it is unparsable). */
function normalizeIso(value: string, fallback: Date): string {
  const ms = Date.parse(value);
  return (Number.isNaN(ms) ? fallback : new Date(ms)).toISOString();
}

import {
  MarketRegimeDocument,
  type GexResult,
  type SymbolRegime,
} from '../../../functions/src/contract/regime';
import type { ChainInput } from '../../../functions/src/gex/types';
import type {
  ChainOutcome,
  MarketClock,
  MarketDataSource,
} from '../../../functions/src/market/market-source';
import type { Lease, LeaseAttempt, PulseStore } from '../../../functions/src/store/pulse-store';
import type { PulseDeps, PulseLog } from '../../../functions/src/pulse/ports';
import type { PulseWrites } from '../../../functions/src/store/pulse-writes';

/** A stand-in for a Firestore Timestamp read back from the store. */
const fakeTimestamp = (ms: number) => ({ toDate: () => new Date(ms) });

const totals = (net: string) => ({
  session: '2025-05-16',
  expiry: '2025-05-16',
  net_gex: net,
  total_call_gex: '0.00',
  total_put_gex: '0.00',
  net_gex_per_pct: '0.00',
  option_count: 0,
  note: null,
});

/** An engine result with the given numbers (the rest filled consistently). */
export function gexResult(input: {
  netGex: string;
  spot: string;
  asOf: string;
  bias?: SymbolRegime['volatility_bias'];
}): GexResult {
  const negative = input.netGex.startsWith('-');
  const bias = input.bias ?? (negative ? 'Bearish' : input.netGex === '0.00' ? 'Neutral' : 'Bullish');
  const regime: SymbolRegime = {
    net_gex: input.netGex,
    total_call_gex: negative ? '0.00' : input.netGex,
    total_put_gex: negative ? input.netGex : '0.00',
    spot_price: input.spot,
    option_count: 4,
    volatility_bias: bias,
    gex_regime: negative ? 'NEGATIVE' : 'POSITIVE',
    gex_strength: '0.007650',
    total_gex_dollar: input.netGex.replace('-', ''),
    net_gex_per_pct: '34425000.00',
    total_call_gex_per_pct: '0.00',
    total_put_gex_per_pct: '0.00',
    zero_gamma: '448.10',
    zero_gamma_reason: null,
    call_wall: '450',
    put_wall: '445',
    abs_gamma_strike: '450',
    by_expiry: { zero_dte: totals(input.netGex), one_dte: totals('0.00') },
    as_of: input.asOf,
    quality: { contracts_seen: 4, contracts_used: 4, skipped: {}, local_greeks: 0, iv_solved: 0 },
  };
  return {
    regime,
    profile: [{ strike: '450', call_gex: '1.00', put_gex: '-1.00', net_gex: '0.00' }],
    curve: [{ spot: 449.5, net_gex_per_pct: 1.5 }],
  };
}

export function chain(underlying: string, asOf: string): ChainInput {
  return {
    underlying,
    spotPrice: '450.25',
    asOf,
    contracts: [],
    buckets: {
      zeroDte: { session: '2025-05-16', expiry: '2025-05-16' },
      oneDte: { session: '2025-05-19', expiry: '2025-05-19' },
    },
  };
}

/** A market whose clock and per-symbol outcomes the test sets; counts its calls. */
export class FakeMarket implements MarketDataSource {
  clock: MarketClock | Error = {
    isOpen: true,
    timestamp: '2025-05-16T14:30:00.000Z',
    nextOpen: '2025-05-19T13:30:00.000Z',
    nextClose: '2025-05-16T20:00:00.000Z',
  };
  failing = new Map<string, string>();
  clockCalls = 0;
  chainLoads = 0;

  readClock(): Promise<MarketClock> {
    this.clockCalls += 1;
    return this.clock instanceof Error ? Promise.reject(this.clock) : Promise.resolve(this.clock);
  }

  loadChains(input: { symbols: readonly string[]; clock: MarketClock }) {
    this.chainLoads += 1;
    const chains: Record<string, ChainOutcome> = {};
    for (const symbol of input.symbols) {
      const error = this.failing.get(symbol);
      chains[symbol] = error
        ? { ok: false, error, apiCalls: 1 }
        : { ok: true, chain: chain(symbol, input.clock.timestamp), apiCalls: 1 };
    }
    return Promise.resolve({ chains, apiCalls: input.symbols.length + 1 });
  }
}

/**
 * An in-memory store with the Firestore store's lease rules. What it "writes" is read back through
 * the contract schema, as from Firestore.
 */
export class MemoryStore implements PulseStore {
  regime: MarketRegimeDocument | null = null;
  commits: PulseWrites[] = [];
  holder: string | null = null;
  expiresAtMs = 0;
  lastWritten: string | null = null;
  released = 0;
  failCommit: Error | null = null;
  private seq = 0;

  acquireLease(input: { pulseTime: string; now: Date; ttlMs: number }): Promise<LeaseAttempt> {
    if (this.holder !== null && this.expiresAtMs > input.now.getTime()) {
      return Promise.resolve({ acquired: false, reason: 'held' });
    }
    if (this.lastWritten !== null && Date.parse(input.pulseTime) <= Date.parse(this.lastWritten)) {
      return Promise.resolve({ acquired: false, reason: 'superseded' });
    }
    this.seq += 1;
    this.holder = `lease-${this.seq}`;
    this.expiresAtMs = input.now.getTime() + input.ttlMs;
    return Promise.resolve({ acquired: true, lease: { token: this.holder, pulseTime: input.pulseTime } });
  }

  releaseLease(lease: Lease): Promise<void> {
    if (this.holder === lease.token) this.holder = null;
    this.released += 1;
    return Promise.resolve();
  }

  readRegime(): Promise<MarketRegimeDocument | null> {
    return Promise.resolve(this.regime);
  }

  commitPulse(lease: Lease, writes: PulseWrites) {
    if (this.failCommit) return Promise.reject(this.failCommit);
    if (this.holder !== lease.token) return Promise.resolve({ written: 0, reason: 'lease_lost' as const });
    this.commits.push(writes);
    this.regime = MarketRegimeDocument.parse({
      ...writes.regime.header,
      ...writes.regime.symbolMaps,
      timestamp: fakeTimestamp(Date.parse(writes.regime.header.last_updated)),
    });
    this.holder = null;
    this.lastWritten = lease.pulseTime;
    return Promise.resolve({ written: writes.profiles.length + 3 });
  }
}

export class MemoryLog implements PulseLog {
  lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  info(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'error', message, fields });
  }
}

/** Deps with fakes; the engine answers from `results` by underlying (or throws its Error). */
export function testDeps(
  overrides: Partial<PulseDeps> & { results?: Record<string, GexResult | Error> } = {},
) {
  const market = new FakeMarket();
  const store = new MemoryStore();
  const log = new MemoryLog();
  let nowMs = Date.parse('2025-05-16T14:30:05.000Z');
  const results = overrides.results ?? {};
  const deps: PulseDeps = {
    market,
    store,
    log,
    accounts: { syncAll: () => Promise.resolve({ users: 0, tasks: 0, duplicateTasks: 0, skipped: null }) },
    now: () => new Date(nowMs),
    computeGex: (input: ChainInput) => {
      const result = results[input.underlying];
      if (result instanceof Error) throw result;
      if (!result) throw new Error(`no result for ${input.underlying}`);
      return result;
    },
    config: {
      symbols: ['SPY', 'QQQ'],
      closedCadenceMinutes: 15,
      historyRetentionDays: 7,
      leaseTtlMs: 60_000,
      marketDataSource: { provider: 'alpaca', feed: 'indicative', credentials: 'pulse_key' },
    },
    ...overrides,
  };
  return { deps, market, store, log, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}

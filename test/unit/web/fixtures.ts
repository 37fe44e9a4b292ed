import type {
  GexProfileDocument,
  HistoryRow,
  StoredSymbolRegime,
} from '../../../functions/src/contract/regime';

/** A Firestore-Timestamp look-alike (the contract accepts anything with `toDate()`). */
export const ts = (iso: string) => ({ toDate: () => new Date(iso) });

const bucket = (over: Partial<StoredSymbolRegime['by_expiry']['zero_dte']> = {}) => ({
  session: '2025-05-16',
  expiry: '2025-05-16',
  net_gex: '5000000.00',
  total_call_gex: '15000000.00',
  total_put_gex: '-10000000.00',
  net_gex_per_pct: '22500000.00',
  option_count: 600,
  note: null,
  ...over,
});

/** A fresh SPY map: net +7.65M per $1 (23.85M calls, −16.2M puts), spot 450.25. */
export function spyMap(over: Partial<StoredSymbolRegime> = {}): StoredSymbolRegime {
  return {
    net_gex: '7650000.00',
    total_call_gex: '23850000.00',
    total_put_gex: '-16200000.00',
    spot_price: '450.25',
    option_count: 1234,
    volatility_bias: 'Bullish',
    gex_regime: 'POSITIVE',
    gex_strength: '0.007650',
    total_gex_dollar: '40050000.00',
    net_gex_per_pct: '34444125.00',
    total_call_gex_per_pct: '107384625.00',
    total_put_gex_per_pct: '-72940500.00',
    zero_gamma: '445.10',
    zero_gamma_reason: null,
    call_wall: '455',
    put_wall: '440',
    abs_gamma_strike: '450',
    by_expiry: {
      zero_dte: bucket(),
      one_dte: bucket({
        session: '2025-05-19',
        expiry: '2025-05-19',
        net_gex: '2650000.00',
        total_call_gex: '8850000.00',
        total_put_gex: '-6200000.00',
        option_count: 634,
      }),
    },
    as_of: '2025-05-16T14:30:00Z',
    quality: {
      contracts_seen: 1300,
      contracts_used: 1234,
      skipped: { missing_gamma: 40, negative_open_interest: 26, expired: 0 },
      local_greeks: 12,
      iv_solved: 3,
    },
    stale: false,
    error: null,
    last_success_at: '2025-05-16T14:30:00.000Z',
    last_attempt_at: '2025-05-16T14:30:00.000Z',
    ...over,
  };
}

/** A regime document (as Firestore hands it over) with SPY and QQQ written at 14:30Z. */
export function regimeData(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    timestamp: ts('2025-05-16T14:30:01Z'),
    last_updated: '2025-05-16T14:30:01.000Z',
    market_volatility_bias: 'Bullish',
    market_open: true,
    stale: false,
    error: null,
    as_of: '2025-05-16T14:30:00Z',
    pulse_time: '2025-05-16T14:30:00.000Z',
    next_open: '2025-05-19T13:30:00Z',
    next_close: '2025-05-16T20:00:00Z',
    symbols: ['spy', 'qqq'],
    missing_symbols: {},
    api_calls: 4,
    duration_ms: 210,
    spy: spyMap(),
    qqq: spyMap({
      spot_price: '380.10',
      gex_regime: 'NEGATIVE',
      net_gex: '-1200000.00',
      volatility_bias: 'Bearish',
    }),
    ...over,
  };
}

/** A SPY profile with strikes 400…500 step 5, spot 450.25. */
export function profileData(over: Partial<GexProfileDocument> = {}): GexProfileDocument {
  const strikes = Array.from({ length: 21 }, (_, i) => 400 + i * 5);
  return {
    symbol: 'SPY',
    timestamp: ts('2025-05-16T14:30:01Z'),
    last_updated: '2025-05-16T14:30:01.000Z',
    as_of: '2025-05-16T14:30:00Z',
    spot_price: '450.25',
    net_gex: '7650000.00',
    net_gex_per_pct: '34444125.00',
    zero_gamma: '445.10',
    zero_gamma_reason: null,
    call_wall: '455',
    put_wall: '440',
    abs_gamma_strike: '450',
    profile: strikes.map((k) => ({
      strike: String(k),
      call_gex: `${(500 - k) * 1000}.00`,
      put_gex: `-${(k - 395) * 1000}.00`,
      net_gex: `${(500 - k) * 1000 - (k - 395) * 1000}.00`,
    })),
    curve: [
      { spot: 440, net_gex_per_pct: -2e7 },
      { spot: 445, net_gex_per_pct: -1e6 },
      { spot: 450, net_gex_per_pct: 3e7 },
    ],
    ...over,
  };
}

/** A history row at `pulse_time` with SPY's net GEX and spot. */
export function historyRow(pulseTime: string, netGex: string, spot: string): HistoryRow {
  return {
    timestamp: ts(pulseTime),
    pulse_time: pulseTime,
    as_of: pulseTime,
    market_open: true,
    stale: false,
    expire_at: ts('2025-05-23T14:30:00Z'),
    symbols: {
      spy: {
        net_gex: netGex,
        net_gex_per_pct: '0.00',
        spot_price: spot,
        zero_gamma: null,
        call_wall: null,
        put_wall: null,
        volatility_bias: 'Bullish',
        stale: false,
      },
    },
  };
}

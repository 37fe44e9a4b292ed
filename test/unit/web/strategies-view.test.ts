import { describe, expect, it } from 'vitest';
import { parseDecisions, parseKillSwitch, parseStrategy } from '../../../web/src/model/parse-strategies';
import {
  buildStrategyViews,
  describeOrders,
  formatFraction,
  killSwitchView,
} from '../../../web/src/view/strategies-view';

const decision = {
  strategy: 'gamma_scalper',
  symbol: 'SPY',
  as_of: '2025-05-16T14:31:00Z',
  regime_source: 'document',
  regime_as_of: '2025-05-16T14:30:00Z',
  gex_regime: 'NEGATIVE',
  gex_strength: '0.460000',
  total_gex_dollar: '1200000000.00',
  multiplier: '1.10',
  log_line: '[GEX] SPY',
  params: { hedge_threshold: '0.10', allocation: '0.25' },
  net_delta_shares: '-120.5000',
  hedge_limit_shares: '100.0000',
  orders: [{ symbol: 'SPY', side: 'buy', qty: '65', type: 'market', time_in_force: 'day' }],
  reasons: ['net delta beyond the limit'],
};
const execution = {
  mode: 'off',
  status: 'decisions_only',
  reason: 'mode off',
  kill_switch_user: false,
  kill_switch_global: false,
  orders: [],
};
const state = {
  status: 'evaluated',
  problem: null,
  updated_at: '2025-05-16T14:31:02Z',
  regime_as_of: '2025-05-16T14:30:00Z',
  regime_source: 'document',
  gex_regime: 'NEGATIVE',
  gex_strength: '0.460000',
  multiplier: '1.10',
  hedge_threshold: '0.10',
  allocation: '0.25',
  max_position_shares: '1000',
  max_order_notional: '50000.00',
  max_orders_per_day: 20,
  net_delta_shares: '-120.5000',
  last_decision_id: 'spy_abc',
  last_decision: { ...decision, execution },
};
const entry = (at: string, strategy = 'spy') => ({
  strategy_id: strategy,
  regime_event_as_of: at,
  evaluated_at: at,
  decision,
  execution,
});

describe('buildStrategyViews', () => {
  it('shows the threshold, sizing, multiplier and regime in force, and the newest decisions first', () => {
    const [view] = buildStrategyViews(
      [{ id: 'spy', doc: parseStrategy({ enabled: true, mode: 'off', symbol: 'SPY', state }) }],
      parseDecisions([
        entry('2025-05-16T14:30:02Z'),
        entry('2025-05-16T14:31:02Z'),
        entry('2025-05-16T14:29:02Z'),
        entry('2025-05-16T14:28:02Z'),
        entry('2025-05-16T14:31:03Z', 'other'),
        { broken: true },
      ]),
    );
    expect(view).toMatchObject({
      id: 'spy',
      title: 'spy · GammaScalper SPY',
      mode: 'Off: decisions only, no orders',
      status: 'Evaluated 10:31:02 ET',
      isProblem: false,
    });
    const figure = (key: string) => view?.figures.find((f) => f.key === key)?.value;
    expect(figure('hedge_threshold')).toBe('0.10');
    expect(figure('allocation')).toBe('25%');
    expect(figure('multiplier')).toBe('× 1.10');
    expect(figure('regime')).toBe('NEGATIVE GEX (regime document, as of 10:30:00 ET)');
    expect(figure('max_order_notional')).toBe('$50,000.00');
    expect(view?.decisions.map((d) => d.time)).toEqual(['10:31:02 ET', '10:30:02 ET', '10:29:02 ET']);
    expect(view?.decisions[0]).toEqual({
      time: '10:31:02 ET',
      regime: 'NEGATIVE GEX (regime document)',
      orders: 'Buy 65 SPY',
      execution: 'Decision only (mode off): mode off',
    });
  });

  it('says when a strategy has not run, has a problem, is disabled or unreadable', () => {
    const views = buildStrategyViews(
      [
        { id: 'b', doc: parseStrategy({ enabled: true, mode: 'paper' }) },
        {
          id: 'a',
          doc: parseStrategy({
            enabled: true,
            state: { status: 'problem', problem: 'no account snapshot yet' },
          }),
        },
        { id: 'c', doc: parseStrategy({ enabled: false, mode: 'live' }) },
        { id: 'd', doc: parseStrategy({ enabled: 'yes' }) },
      ],
      [],
    );
    expect(views.map((v) => v.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(views[0]).toMatchObject({ status: 'Problem: no account snapshot yet', isProblem: true });
    expect(views[1]).toMatchObject({
      mode: 'Paper: orders on a paper account',
      status: expect.stringContaining('Not run yet') as unknown,
    });
    expect(views[1]?.figures.find((f) => f.key === 'hedge_threshold')?.value).toBe('—');
    expect(views[2]?.mode).toBe('Disabled (live)');
    expect(views[3]).toMatchObject({
      isProblem: true,
      status: expect.stringContaining('Unreadable: enabled') as unknown,
    });
  });
});

describe('orders, fractions and the kill switch', () => {
  it('describes orders and fractions plainly', () => {
    expect(describeOrders([])).toBe('No orders');
    expect(
      describeOrders([
        { symbol: 'SPY', side: 'sell', qty: '3' },
        { symbol: 'QQQ', side: 'buy', qty: '10' },
      ]),
    ).toBe('Sell 3 SPY, Buy 10 QQQ');
    expect(formatFraction('0.5')).toBe('50%');
    expect(formatFraction('0.125')).toBe('12.5%');
    expect(formatFraction(undefined)).toBe('—');
  });

  it('reads the kill switch: absent is off, unreadable counts as on', () => {
    expect(parseKillSwitch(null)).toBe(false);
    expect(parseKillSwitch({ kill_switch: true, updated_at: 'x' })).toBe(true);
    expect(parseKillSwitch({ kill_switch: 'no' })).toBe(true);
    expect(killSwitchView(true)).toMatchObject({ on: true, action: 'Turn kill switch off' });
    expect(killSwitchView(false)).toMatchObject({ on: false, action: 'Turn kill switch on' });
    expect(killSwitchView(undefined).state).toBe('Loading…');
  });
});

import { describe, expect, it } from 'vitest';
import { symbolRegimeOf, type GexResult } from '../../../functions/src/contract/regime';
import type { RegimeEvent } from '../../../functions/src/contract/regime-event';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { gexResult, testDeps } from './fakes';

const T0 = Date.parse('2025-05-16T14:30:00.000Z');
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();

/**
 * SPY at one pulse: net GEX with a gross of 10,000,000 (the band for a sign change is 5% of it,
 * ±500,000) and spot against a zero gamma of 448.10 (band 0.1% = ±0.4481: above 448.5481, below
 * 447.6519).
 */
function spyAt(minute: number, net: string, spot: string): GexResult {
  const result = gexResult({ netGex: net, spot, asOf: at(minute) });
  return { ...result, regime: { ...result.regime, total_gex_dollar: '10000000.00', zero_gamma: '448.10' } };
}

/** Runs the scripted pulses (one a minute) and returns every event stored, in order. */
async function script(steps: readonly [net: string, spot: string][]) {
  const results: Record<string, GexResult> = {};
  const { deps, store, market } = testDeps({
    results,
    config: { ...testDeps().deps.config, symbols: ['SPY'] },
  });
  for (const [minute, [net, spot]] of steps.entries()) {
    results.SPY = spyAt(minute, net, spot);
    if (!(market.clock instanceof Error)) market.clock = { ...market.clock, timestamp: at(minute) };
    expect(await runPulse(deps, { scheduleTime: at(minute) })).toMatchObject({ status: 'written' });
  }
  const events = [...store.events.values()].sort((a, b) => a.pulse_time.localeCompare(b.pulse_time));
  return { events, store, deps };
}

const brief = (e: RegimeEvent) => [e.kind, e.before, e.after, e.pulse_time];

describe('regime events with hysteresis (scripted pulses)', () => {
  it('net GEX wobbling inside the band fires nothing; each clear sign change fires once', async () => {
    const { events } = await script([
      ['2000000.00', '450.00'], // first sight: positive, nothing crossed yet
      ['300000.00', '450.00'], // inside ±500,000: still positive
      ['-300000.00', '450.00'], // negative, but inside the band: no event
      ['-600000.00', '450.00'], // past −500,000: positive → negative
      ['400000.00', '450.00'], // back inside the band: stays negative
      ['-100000.00', '450.00'],
      ['700000.00', '450.00'], // past +500,000: negative → positive
    ]);
    expect(events.map(brief)).toEqual([
      ['gex_sign', 'positive', 'negative', at(3)],
      ['gex_sign', 'negative', 'positive', at(6)],
    ]);
    expect(events[0]).toMatchObject({ id: `spy_gex_sign_${at(3)}`, symbol: 'spy', net_gex: '-600000.00' });
  });

  it('spot walking across zero gamma fires once per crossing, not on noise around the level', async () => {
    const net = '2000000.00';
    const { events, store } = await script([
      [net, '450.00'], // above
      [net, '448.30'], // within 0.1% of 448.10: still above
      [net, '447.90'], // below the level but inside the band: still above
      [net, '447.50'], // past 447.6519: above → below
      [net, '448.40'], // inside the band: stays below
      [net, '447.70'],
      [net, '449.00'], // past 448.5481: below → above
    ]);
    expect(events.map(brief)).toEqual([
      ['zero_gamma_cross', 'above', 'below', at(3)],
      ['zero_gamma_cross', 'below', 'above', at(6)],
    ]);
    expect(symbolRegimeOf(store.regime!, 'spy')?.event_state).toEqual({
      gex_sign: 'positive',
      spot_side: 'above',
    });
    // No webhook configured: nothing is waiting to be posted.
    expect(events.every((e) => e.notify === 'disabled')).toBe(true);
  });

  it('a stale symbol neither fires nor forgets its state', async () => {
    const results: Record<string, GexResult | Error> = {};
    const { deps, store, market } = testDeps({
      results,
      config: { ...testDeps().deps.config, symbols: ['SPY'] },
    });
    const pulse = async (minute: number) => {
      if (!(market.clock instanceof Error)) market.clock = { ...market.clock, timestamp: at(minute) };
      await runPulse(deps, { scheduleTime: at(minute) });
    };
    results.SPY = spyAt(0, '2000000.00', '450.00');
    await pulse(0);
    results.SPY = new Error('engine down');
    await pulse(1);
    expect(symbolRegimeOf(store.regime!, 'spy')).toMatchObject({
      stale: true,
      event_state: { gex_sign: 'positive', spot_side: 'above' },
    });
    results.SPY = spyAt(2, '-900000.00', '450.00');
    await pulse(2);
    expect([...store.events.values()].map(brief)).toEqual([['gex_sign', 'positive', 'negative', at(2)]]);
  });
});

describe('regime events: webhook delivery', () => {
  it('posts each event once, even when the pulse is retried', async () => {
    const posted: string[] = [];
    const notifier = {
      post: (event: RegimeEvent) => {
        posted.push(event.id);
        return Promise.resolve();
      },
    };
    const results: Record<string, GexResult> = {};
    const { deps, store, market } = testDeps({
      results,
      notifier,
      config: { ...testDeps().deps.config, symbols: ['SPY'] },
    });
    const pulse = async (minute: number, net: string) => {
      results.SPY = spyAt(minute, net, '450.00');
      if (!(market.clock instanceof Error)) market.clock = { ...market.clock, timestamp: at(minute) };
      return runPulse(deps, { scheduleTime: at(minute) });
    };
    await pulse(0, '2000000.00');
    await pulse(1, '-900000.00'); // positive → negative: one event, posted
    expect(await pulse(1, '-900000.00')).toMatchObject({ status: 'skipped', reason: 'superseded' });
    await pulse(2, '-900000.00'); // no crossing
    expect(posted).toEqual([`spy_gex_sign_${at(1)}`]);
    expect(store.events.get(`spy_gex_sign_${at(1)}`)).toMatchObject({ notify: 'sent', notify_error: null });
  });

  it('a failed post is recorded on the event and does not fail the pulse', async () => {
    const notifier = { post: () => Promise.reject(new Error('webhook answered 500')) };
    const results: Record<string, GexResult> = {};
    const { deps, store, market, log } = testDeps({
      results,
      notifier,
      config: { ...testDeps().deps.config, symbols: ['SPY'] },
    });
    for (const [minute, net] of [
      [0, '2000000.00'],
      [1, '-900000.00'],
    ] as const) {
      results.SPY = spyAt(minute, net, '450.00');
      if (!(market.clock instanceof Error)) market.clock = { ...market.clock, timestamp: at(minute) };
      expect(await runPulse(deps, { scheduleTime: at(minute) })).toMatchObject({ status: 'written' });
    }
    expect([...store.events.values()][0]).toMatchObject({
      notify: 'failed',
      notify_error: 'webhook answered 500',
    });
    expect(log.lines.some((l) => l.message === 'regime event not posted')).toBe(true);
  });
});

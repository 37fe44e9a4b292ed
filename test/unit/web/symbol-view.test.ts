import { describe, expect, it } from 'vitest';
import { parseRegime, type RegimeState } from '../../../web/src/model/parse-documents';
import { buildSymbolView, regimeBadge } from '../../../web/src/view/symbol-view';
import { regimeData, spyMap } from './fixtures';

function spyView(over = {}) {
  const state = parseRegime(regimeData({ spy: spyMap(over) })) as RegimeState;
  return buildSymbolView(state.symbols[0]!);
}

describe('buildSymbolView', () => {
  it('formats the headline figures with units and distances from spot', () => {
    const figures = Object.fromEntries(spyView().figures.map((f) => [f.key, `${f.value} ${f.note}`.trim()]));
    expect(figures).toEqual({
      net_gex: '+$7.65M',
      net_gex_per_pct: '+$34.4M',
      spot: '450.25',
      // (445.10 − 450.25) / 450.25 = −1.1438…%
      zero_gamma: '445.10 −1.14%',
      call_wall: '455.00 +1.05%',
      put_wall: '440.00 −2.28%',
      abs_gamma_strike: '450.00 −0.06%',
      calls_puts: '$23.9M / −$16.2M',
    });
  });

  it('shows why there is no zero gamma instead of a number', () => {
    const zero = spyView({
      zero_gamma: null,
      zero_gamma_reason: 'no sign change within ±15% of spot',
    }).figures.find((f) => f.key === 'zero_gamma');
    expect(zero).toMatchObject({ value: '—', note: 'no sign change within ±15% of spot' });
  });

  it('splits 0DTE and 1DTE with each share of the gross GEX', () => {
    // gross 0DTE = 15M + 10M = 25M; 1DTE = 8.85M + 6.2M = 15.05M; 25 / 40.05 = 62.4%
    expect(spyView().expiries.map((e) => [e.label, e.expiry, e.netGex, e.count, e.sharePct])).toEqual([
      ['0DTE', '2025-05-16', '+$5M', '600', 62],
      ['1DTE', '2025-05-19', '+$2.65M', '634', 38],
    ]);
  });

  it('summarises data quality, listing only reasons that skipped something', () => {
    const view = spyView();
    expect(view.quality).toBe(
      '1,234 options used of 1,300 seen; 12 gammas computed locally (3 from a solved IV)',
    );
    expect(view.skipped).toBe('skipped: missing gamma 40, negative open interest 26');
  });

  it('marks a stale symbol and dates its last update in New York time', () => {
    const view = spyView({ stale: true, error: 'x', last_attempt_at: '2025-05-16T14:31:00.000Z' });
    expect(view.stale).toBe(true);
    expect(view.lastUpdate).toBe('Fri, May 16, 10:31 ET');
    expect(view.asOf).toBe('10:30:00 ET');
  });
});

describe('regimeBadge', () => {
  it('carries the regime in text and shape, never in colour alone', () => {
    expect(regimeBadge('POSITIVE')).toMatchObject({ shape: '▲', label: 'POSITIVE GEX' });
    expect(regimeBadge('NEGATIVE')).toMatchObject({ shape: '▼', label: 'NEGATIVE GEX' });
    expect(regimeBadge('NEUTRAL')).toMatchObject({ shape: '●', label: 'NEUTRAL GEX' });
  });
});

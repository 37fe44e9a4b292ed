import { describe, expect, it } from 'vitest';
import { parseRegime } from '../../../web/src/model/parse-documents';
import { buildBanners } from '../../../web/src/view/banners';
import { regimeData, spyMap } from './fixtures';

const WRITTEN = Date.parse('2025-05-16T14:30:01Z');

function bannersOf(data: Record<string, unknown>, nowMs = WRITTEN + 30_000) {
  return buildBanners(parseRegime(data), nowMs);
}

describe('buildBanners', () => {
  it('shows nothing for a fresh document of an open market', () => {
    expect(bannersOf(regimeData())).toEqual([]);
  });

  it('flags a document the pulse marked stale', () => {
    const banners = bannersOf(regimeData({ stale: true }));
    expect(banners.map((b) => [b.id, b.level])).toEqual([['stale', 'error']]);
    expect(banners[0]?.detail).toContain('10:30:00 ET');
  });

  it('flags a document older than three minutes while the market is open, not while closed', () => {
    const old = bannersOf(regimeData(), WRITTEN + 4 * 60_000);
    expect(old.map((b) => b.id)).toEqual(['old']);
    expect(old[0]?.title).toBe('Not updated for 4 min');
    const closed = bannersOf(regimeData({ market_open: false }), WRITTEN + 4 * 60_000);
    expect(closed.map((b) => b.id)).toEqual(['market-closed']);
    const closedLong = bannersOf(regimeData({ market_open: false }), WRITTEN + 20 * 60_000);
    expect(closedLong.map((b) => b.id)).toEqual(['old', 'market-closed']);
  });

  it('says when the market is closed and when it opens next, in New York time', () => {
    const [closed] = bannersOf(regimeData({ market_open: false }));
    expect(closed).toMatchObject({ id: 'market-closed', level: 'info', title: 'Market closed' });
    expect(closed?.detail).toContain('Next open Mon, May 19, 09:30 ET');
  });

  it('names a failed symbol with its error, its error_kind explained and the age of its numbers', () => {
    const qqq = {
      ...spyMap({ stale: true, error: 'timeout: deadline of 8000 ms exceeded' }),
      error_kind: 'timeout',
    };
    const banners = bannersOf(regimeData({ qqq }));
    expect(banners.map((b) => b.id)).toEqual(['symbol-failed:qqq']);
    expect(banners[0]?.title).toBe('QQQ failed to refresh');
    expect(banners[0]?.detail).toBe(
      'timeout: deadline of 8000 ms exceeded [timeout — Alpaca did not answer in time]. ' +
        'Showing numbers from Fri, May 16, 10:30 ET.',
    );
  });

  it('an absent error_kind adds nothing; an unknown one makes the document unreadable', () => {
    const absent = bannersOf(regimeData({ qqq: spyMap({ stale: true, error: 'boom' }) }));
    expect(absent[0]?.detail).toBe('boom. Showing numbers from Fri, May 16, 10:30 ET.');
    const unknown = bannersOf(
      regimeData({ qqq: { ...spyMap({ stale: true, error: 'boom' }), error_kind: 'solar_flare' } }),
    );
    expect(unknown.map((b) => b.id)).toEqual(['unreadable']);
    expect(unknown[0]?.detail).toContain('qqq.error_kind');
  });

  it('reports a pulse-level error with its kind, and symbols that never produced numbers', () => {
    const banners = bannersOf(
      regimeData({
        error: 'clock: 401 unauthorized',
        error_kind: 'auth',
        missing_symbols: { iwm: 'no_usable_contracts: no usable contracts' },
      }),
    );
    expect(banners.map((b) => b.id)).toEqual(['pulse-error', 'symbol-missing:iwm']);
    expect(banners[0]?.detail).toBe('clock: 401 unauthorized (auth — Alpaca rejected the API keys)');
    expect(banners[1]?.title).toBe('IWM has no numbers yet');
  });

  it('says a document that breaks the contract cannot be read, naming the field', () => {
    const data = regimeData();
    delete (data.spy as Record<string, unknown>).net_gex;
    const banners = bannersOf(data);
    expect(banners.map((b) => b.id)).toEqual(['unreadable']);
    expect(banners[0]?.detail).toContain('spy.net_gex');
  });
});

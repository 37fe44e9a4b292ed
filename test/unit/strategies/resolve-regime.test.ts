import { describe, expect, it } from 'vitest';
import { Decimal, resolveRegime, type FallbackRegime, type RegimeView } from '../../../strategies';
import { AS_OF, fallback, FRESH, regimeDoc, symbolRegime } from './builders';

const asOfMs = Date.parse(AS_OF);
const MAX_AGE = 180;
const resolve = (
  regime: RegimeView | null,
  extra: { marketOpen?: boolean; override?: FallbackRegime; lastGood?: FallbackRegime; symbol?: string } = {},
) =>
  resolveRegime({
    regime,
    symbol: extra.symbol ?? 'SPY',
    marketOpen: extra.marketOpen ?? true,
    asOfMs,
    maxAgeSeconds: MAX_AGE,
    override: extra.override ?? null,
    lastGood: extra.lastGood ?? null,
  });
const writtenSecondsAgo = (seconds: number) => new Date(asOfMs - seconds * 1000).toISOString();

describe('regime from the document', () => {
  it('uses a fresh document and its symbol numbers, with no reasons', () => {
    const r = resolve(regimeDoc());
    expect(r.source).toBe('document');
    expect([r.gexRegime, r.gexStrength.toString(), r.spot?.toString(), r.asOf]).toEqual([
      'POSITIVE',
      '0.8',
      '450',
      FRESH,
    ]);
    expect(r.reasons).toEqual([]);
  });

  it('finds the symbol case-insensitively', () => {
    expect(resolve(regimeDoc(), { symbol: 'qqq' }).spot?.toString()).toBe('380');
  });

  it('accepts a document exactly at the max age and falls back one millisecond later', () => {
    expect(resolve(regimeDoc({ lastUpdated: writtenSecondsAgo(MAX_AGE) })).source).toBe('document');
    const old = resolve(regimeDoc({ lastUpdated: writtenSecondsAgo(MAX_AGE + 0.001) }));
    expect(old.source).toBe('default');
    expect(old.reasons[0]).toMatch(/regime document is 180 s old \(max 180 s during market hours\)/);
  });

  it('ignores the age while the market is closed (the pulse then writes every 15 minutes)', () => {
    const r = resolve(regimeDoc({ lastUpdated: writtenSecondsAgo(3600) }), { marketOpen: false });
    expect(r.source).toBe('document');
  });
});

describe('fallback chain: each trigger', () => {
  const triggers: [string, RegimeView | null, RegExp][] = [
    ['missing document', null, /^regime document missing/],
    ['stale document', regimeDoc({ stale: true }), /^regime document marked stale/],
    ['too old in market hours', regimeDoc({ lastUpdated: writtenSecondsAgo(600) }), /600 s old/],
    ['unreadable last_updated', regimeDoc({ lastUpdated: 'yesterday' }), /last_updated unreadable/],
    ['symbol missing', regimeDoc({ symbols: [symbolRegime({ symbol: 'QQQ' })] }), /^SPY missing/],
    ['symbol stale', regimeDoc({}, { stale: true }), /^SPY marked stale/],
    ['symbol spot unusable', regimeDoc({}, { spot: new Decimal(0) }), /^SPY numbers .* unusable/],
    ['symbol strength NaN', regimeDoc({}, { gexStrength: new Decimal(NaN) }), /^SPY numbers .* unusable/],
  ];
  for (const [name, doc, why] of triggers) {
    it(`${name} → default positive GEX, saying why`, () => {
      const r = resolve(doc);
      expect(r.source).toBe('default');
      expect([r.gexRegime, r.gexStrength.toString(), r.spot]).toEqual(['POSITIVE', '0', null]);
      expect(r.reasons).toHaveLength(1);
      expect(r.reasons[0]).toMatch(why);
      expect(r.reasons[0]).toMatch(/assuming positive GEX \(default\)$/);
    });
  }
});

describe('fallback chain: each source, in order', () => {
  const override = fallback({ gexRegime: 'NEGATIVE', gexStrength: new Decimal('2') });
  const lastGood = fallback({
    gexRegime: 'POSITIVE',
    gexStrength: new Decimal('0.9'),
    spot: new Decimal('449'),
    asOf: '2025-05-16T13:40:00.000Z',
  });

  it('the operator override comes first', () => {
    const r = resolve(null, { override, lastGood });
    expect([r.source, r.gexRegime, r.gexStrength.toString(), r.spot]).toEqual([
      'override',
      'NEGATIVE',
      '2',
      null,
    ]);
    expect(r.reasons).toEqual(['regime document missing: using the operator override']);
  });

  it('then the last good regime the runner kept, with its spot and time', () => {
    const r = resolve(regimeDoc({ stale: true }), { lastGood });
    expect([r.source, r.gexRegime, r.spot?.toString(), r.asOf]).toEqual([
      'last_good',
      'POSITIVE',
      '449',
      '2025-05-16T13:40:00.000Z',
    ]);
    expect(r.reasons).toEqual(['regime document marked stale: using the last good regime']);
  });

  it('then the default', () => {
    expect(resolve(regimeDoc({}, { stale: true })).source).toBe('default');
  });

  it('a fresh document wins over an override (the override only fills in)', () => {
    expect(resolve(regimeDoc(), { override, lastGood }).source).toBe('document');
  });

  it('skips a fallback whose numbers are unusable and says so', () => {
    const broken = fallback({ gexStrength: new Decimal(-1) });
    const r = resolve(null, { override: broken, lastGood });
    expect(r.source).toBe('last_good');
    expect(r.reasons).toEqual([
      'the operator override has unusable numbers, ignored',
      'regime document missing: using the last good regime',
    ]);
    expect(
      resolve(null, { override: broken, lastGood: { ...lastGood, spot: new Decimal(NaN) } }).source,
    ).toBe('default');
  });
});

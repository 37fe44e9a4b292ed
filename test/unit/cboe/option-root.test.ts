import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionRoot } from '../../../offline/cboe/parse-cboe';

/** The grammar optionRoot implements, as a regular expression: the reference. */
const SYMBOL_RE = /^([A-Z]+?)W?\d{6}[CP]\d{8}$/;

const newSink = () => ({ roots: new Set<string>(), lastPrefix: '', lastRoot: '' });

/** Symbols near the grammar: OCC-like shapes with a character now and then out of place. */
const symbols = fc.oneof(
  fc
    .tuple(
      fc.stringMatching(/^[A-Z]{1,6}W?$/),
      fc.stringMatching(/^\d{6}$/),
      fc.constantFrom('C', 'P', 'X', 'c'),
      fc.stringMatching(/^\d{8}$/),
    )
    .map((parts) => parts.join('')),
  fc.stringMatching(/^[A-Z0-9W]{0,22}$/),
  fc.string({ maxLength: 24 }),
);

describe('optionRoot', () => {
  it('finds the root the OCC grammar gives, in any order of symbols (its cache of the last letters included)', () => {
    fc.assert(
      fc.property(fc.array(symbols, { maxLength: 30 }), (list) => {
        const sink = newSink();
        const roots = new Set<string>();
        for (const symbol of list) {
          const expected = SYMBOL_RE.exec(symbol)?.[1];
          expect([symbol, optionRoot(symbol, sink)]).toEqual([symbol, expected]);
          if (expected !== undefined) roots.add(expected);
        }
        expect(sink.roots).toEqual(roots);
      }),
      { numRuns: 2000 },
    );
  });

  it('drops the weekly W but keeps a root that is only W', () => {
    const sink = newSink();
    expect(optionRoot('SPXW230915C04505000', sink)).toBe('SPX');
    expect(optionRoot('SPX230915P04505000', sink)).toBe('SPX');
    expect(optionRoot('W230915C00010000', sink)).toBe('W');
    expect(optionRoot('WW230915C00010000', sink)).toBe('W');
    expect(optionRoot('SPY250516C00590000', sink)).toBe('SPY');
    expect(optionRoot('spy250516C00590000', sink)).toBeUndefined();
    expect(optionRoot('SPY250516C0059000', sink)).toBeUndefined();
    expect([...sink.roots]).toEqual(['SPX', 'W', 'SPY']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeGex, computeGexOfFeed, GexInputError } from '../../../functions/src/gex/compute-gex';
import { ChainNormalizer, normalizeContracts } from '../../../functions/src/gex/normalize-contracts';
import { Decimal } from '../../../functions/src/num/decimal';
import type { ChainHead, ContractFeed, ContractInput } from '../../../functions/src/gex/types';
import { cboeChainFeed, cboeChainInput, type ExpirySelection } from '../../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import { AS_OF, chain, contract } from './chain-builders';
import { FIXTURE_DIR, FIXTURES } from './golden-strings';

/** A feed of `contracts` that counts its calls. */
function feedOf(contracts: readonly ContractInput[], head: ChainHead) {
  const calls = { count: 0 };
  const feed: ContractFeed = (add) => {
    calls.count++;
    contracts.forEach(add);
    return head;
  };
  return { feed, calls };
}

const { contracts: _unused, ...HEAD } = chain([]);

describe('computeGexOfFeed', () => {
  it('gives computeGex’s result, reading a chain of distinct symbols once', () => {
    const contracts = [
      contract({ symbol: 'A', side: 'call', gamma: '0.05', openInterest: '120', volume: '30' }),
      contract({ symbol: 'B', side: 'put', gamma: '0.04', openInterest: '90', delta: '-0.4' }),
      contract({ symbol: 'C', side: 'call', gamma: '0.02', openInterest: '0', volume: '5', strike: '455' }),
      contract({ symbol: 'D', side: 'put', gamma: 'x', openInterest: '7', strike: '445' }),
    ];
    const { feed, calls } = feedOf(contracts, HEAD);
    expect(computeGexOfFeed(HEAD, feed)).toEqual(computeGex({ ...HEAD, contracts }));
    expect(calls.count).toBe(1);
  });

  it('reads a chain that repeats a symbol twice and skips the later occurrences, as computeGex does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        (symbols, exposures) => {
          const contracts = symbols.map((symbol, i) =>
            contract({ symbol, side: i % 2 ? 'put' : 'call', gamma: '0.01', openInterest: String(i + 1) }),
          );
          const { feed, calls } = feedOf(contracts, HEAD);
          const repeats = new Set(symbols).size !== symbols.length;
          expect(computeGexOfFeed(HEAD, feed, { exposures })).toEqual(
            computeGex({ ...HEAD, contracts }, { exposures }),
          );
          expect(calls.count).toBe(repeats ? 2 : 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports the head the feed returns (its buckets), not the one given up front', () => {
    const contracts = [contract({ symbol: 'A', side: 'call', gamma: '0.05', openInterest: '10' })];
    const end: ChainHead = { ...HEAD, underlying: 'QQQ' };
    const { feed } = feedOf(contracts, end);
    expect(computeGexOfFeed(HEAD, feed).regime).toEqual(computeGex({ ...end, contracts }).regime);
  });

  it('throws GexInputError for a bad spot before reading, and when no contract is usable', () => {
    const { feed, calls } = feedOf([], HEAD);
    expect(() => computeGexOfFeed({ ...HEAD, spotPrice: '-1' }, feed)).toThrow(GexInputError);
    expect(calls.count).toBe(0);
    expect(() => computeGexOfFeed(HEAD, feed)).toThrow(/no usable contracts among 0/);
  });
});

describe('ChainNormalizer', () => {
  it('adding contracts one at a time gives normalizeContracts’ chain; `trust` skips the symbol check', () => {
    const contracts = ['A', 'B', 'A'].map((symbol, i) =>
      contract({ symbol, side: 'call', gamma: '0.01', openInterest: String(i + 1) }),
    );
    const spot = new Decimal(450);
    const asOfMs = Date.parse(AS_OF);
    const checking = new ChainNormalizer(HEAD, spot, asOfMs);
    const trusting = new ChainNormalizer(HEAD, spot, asOfMs, { symbols: 'trust' });
    for (const c of contracts) {
      checking.add(c);
      trusting.add(c);
    }
    expect(checking.chain.contracts).toEqual(
      normalizeContracts({ ...HEAD, contracts }, spot, asOfMs).contracts,
    );
    expect(checking.chain.skipped).toEqual({ duplicate_symbol: 1 });
    expect(trusting.chain.used.length).toBe(3);
  });
});

describe('cboeChainFeed', () => {
  const selections: ExpirySelection[] = [
    'all',
    { zeroDte: true, oneDte: true },
    { zeroDte: true, oneDte: false },
    { zeroDte: false, oneDte: true },
  ];
  const asOfs = [undefined, '2023-09-14T15:00:00-04:00', '2025-05-16T10:00:00-04:00', '2030-01-01T00:00:00Z'];

  it.each(FIXTURES)('%s: feeds cboeChainInput’s contracts and ends with its head', (file) => {
    const text = readFileSync(`${FIXTURE_DIR}${file}`, 'utf8');
    const parsed = parseCboeCsv(text);
    for (const expiries of selections) {
      for (const asOf of asOfs) {
        const { contracts, ...head } = cboeChainInput(parsed, { asOf, expiries });
        const chainFeed = cboeChainFeed(text, { asOf, expiries });
        const fed: ContractInput[] = [];
        const end = chainFeed.feed((c) => fed.push(c));
        expect(fed).toEqual(contracts);
        expect(end).toEqual(head);
        // Up front: the same spot and as-of, and buckets that name each session's date.
        expect(chainFeed.head).toMatchObject({ spotPrice: head.spotPrice, asOf: head.asOf });
        for (const c of contracts) {
          const { zeroDte, oneDte } = chainFeed.head.buckets;
          expect(c.expiry === zeroDte.expiry).toBe(c.expiry === head.buckets.zeroDte.expiry);
          expect(c.expiry === oneDte.expiry).toBe(c.expiry === head.buckets.oneDte.expiry);
        }
        expect(chainFeed.fed).toEqual({
          contracts: contracts.length,
          listed: [...new Set(parsed.contracts.map((c) => c.expiry))].sort(),
          head: end,
        });
      }
    }
  });

  it.each(FIXTURES)('%s: computeGexOfFeed of the feed is computeGex of cboeChainInput', (file) => {
    const text = readFileSync(`${FIXTURE_DIR}${file}`, 'utf8');
    const input = cboeChainInput(parseCboeCsv(text), { expiries: 'all' });
    const chainFeed = cboeChainFeed(text, { expiries: 'all' });
    expect(computeGexOfFeed(chainFeed.head, chainFeed.feed)).toEqual(computeGex(input));
  });
});

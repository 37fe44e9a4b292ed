import { describe, expect, it } from 'vitest';
import { ContractColumns, normalizeContracts } from '../../../functions/src/gex/normalize-contracts';
import { Decimal } from '../../../functions/src/num/decimal';
import { AS_OF, chain, contract } from './chain-builders';

describe('ContractColumns', () => {
  it('makes room for itself: contracts pushed beyond its first room come back as they went in', () => {
    const contracts = Array.from({ length: 300 }, (_, i) =>
      contract({
        side: i % 2 === 0 ? 'call' : 'put',
        strike: String(400 + i),
        openInterest: String(1 + i),
        gamma: `0.0${(i % 9) + 1}`,
        impliedVolatility: i % 7 === 0 ? '' : `0.${10 + (i % 50)}`,
        volume: String(i % 5),
      }),
    );
    const objects = normalizeContracts(chain(contracts), new Decimal(450), Date.parse(AS_OF)).contracts;
    expect(objects).toHaveLength(300);
    const columns = new ContractColumns(0);
    objects.forEach((c, i) =>
      columns.push(c, { strike: c.strike, strikeKey: c.strikeKey, strikeNumber: c.strikeNumber, index: i }),
    );
    expect(columns.length).toBe(300);
    expect(columns.toContracts()).toEqual(objects);
  });

  it('gives traded-only contracts (no open interest, some volume) room as they come', () => {
    const tradedOnly = Array.from({ length: 150 }, (_, i) =>
      contract({
        side: 'call',
        strike: String(300 + i),
        openInterest: '0',
        gamma: '0.01',
        volume: String(1 + i),
      }),
    );
    const normalized = normalizeContracts(chain(tradedOnly), new Decimal(450), Date.parse(AS_OF));
    expect(normalized.volumeOnly.map((c) => [c.strikeNumber, c.volume.toNumber()])).toEqual(
      tradedOnly.map((_, i) => [300 + i, 1 + i]),
    );
  });
});

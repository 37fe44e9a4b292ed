import { describe, expect, it } from 'vitest';
import { Decimal, hedgeNeed } from '../../../strategies';

const need = (netDeltaShares: string, optionContracts: string, hedgeThreshold = '0.15') =>
  hedgeNeed({
    netDeltaShares: new Decimal(netDeltaShares),
    optionContracts: new Decimal(optionContracts),
    hedgeThreshold: new Decimal(hedgeThreshold),
  });

describe('hedge rule: threshold × 100 × max(1, contracts) shares', () => {
  it('tolerates exactly the limit and hedges just above it (positive 0.15, 3 contracts → 45 shares)', () => {
    expect(need('45', '3')).toMatchObject({ exceeded: false, side: null });
    expect(need('45', '3').limitShares.toString()).toBe('45');
    expect(need('-45', '3').side).toBeNull();
    const above = need('45.01', '3');
    expect([above.exceeded, above.side, above.qty.toString()]).toEqual([true, 'sell', '45']);
    expect(need('-45.01', '3').side).toBe('buy');
  });

  it('is tighter in a negative regime (0.10, 3 contracts → 30 shares)', () => {
    expect(need('30', '3', '0.10').side).toBeNull();
    expect(need('30.0001', '3', '0.10').qty.toString()).toBe('30');
    expect(need('34.98', '3', '0.15').side).toBeNull();
    expect(need('34.98', '3', '0.10')).toMatchObject({ side: 'sell' });
  });

  it('counts at least one contract, so a stock-only book tolerates threshold × 100 shares', () => {
    expect(need('15', '0').side).toBeNull();
    expect(need('15.5', '0').qty.toString()).toBe('16');
    expect(need('15.5', '0.5').limitShares.toString()).toBe('15');
  });

  it('rounds to the nearest whole share, ties to even', () => {
    expect(need('64.978', '3').qty.toString()).toBe('65');
    expect(need('-50.5', '3').qty.toString()).toBe('50');
    expect(need('51.5', '3').qty.toString()).toBe('52');
  });

  it('with a zero threshold, a net delta under half a share needs no order', () => {
    expect(need('0.4', '1', '0')).toMatchObject({ exceeded: true, side: null });
    expect(need('0.4', '1', '0').qty.toString()).toBe('0');
    expect(need('0', '1', '0').exceeded).toBe(false);
  });
});

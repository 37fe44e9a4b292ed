import type { MajorPair } from '../contract/exposure-fields';
import { Decimal } from '../num/decimal';

/**
 * The major strikes of a profile: the strike with the largest positive net GEX and the one with the
 * most negative, read off the finished profile rows so a major always shows its row's figure.
 * `net` picks the column (`net_gex` for open interest, `net_gex_vol` for volume). Rows come
 * ascending by strike, as the profile stores them, so a tie goes to the lower strike; a side with
 * no strike of that sign is null.
 */
export function findMajors<Row extends { strike: string }>(
  rows: readonly Row[],
  net: (row: Row) => string | undefined,
): MajorPair {
  let positive: { row: Row; value: MoneyValue } | null = null;
  let negative: { row: Row; value: MoneyValue } | null = null;
  for (const row of rows) {
    const text = net(row);
    if (text === undefined) continue;
    const value = moneyValue(text);
    const sign = compareMoney(value, ZERO_MONEY);
    if (sign > 0 && (positive === null || compareMoney(value, positive.value) > 0)) positive = { row, value };
    if (sign < 0 && (negative === null || compareMoney(value, negative.value) < 0)) negative = { row, value };
  }
  const major = (pick: { row: Row; value: MoneyValue } | null) =>
    pick === null ? null : { strike: pick.row.strike, net_gex: net(pick.row) ?? '0.00' };
  return { positive: major(positive), negative: major(negative) };
}

/** A stored money string, and its float64 value when that orders it exactly. */
interface MoneyValue {
  text: string;
  /** Set when the text has at most 15 significant digits: such decimals convert to distinct, equally ordered float64s. */
  number: number | null;
}

const ZERO_MONEY: MoneyValue = { text: '0', number: 0 };

function moneyValue(text: string): MoneyValue {
  const digits = text.replace(/^[-+]?0*\.?0*/, '').replace('.', '').length;
  return { text, number: digits <= 15 ? Number(text) : null };
}

/** Exact order of two money strings: by float64 when both are exact there, else by Decimal. */
function compareMoney(a: MoneyValue, b: MoneyValue): number {
  if (a.number !== null && b.number !== null) return Math.sign(a.number - b.number);
  return new Decimal(a.text).comparedTo(b.text);
}

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
  let positive: { row: Row; value: Decimal } | null = null;
  let negative: { row: Row; value: Decimal } | null = null;
  for (const row of rows) {
    const text = net(row);
    if (text === undefined) continue;
    const value = new Decimal(text);
    if (value.gt(0) && (positive === null || value.gt(positive.value))) positive = { row, value };
    if (value.lt(0) && (negative === null || value.lt(negative.value))) negative = { row, value };
  }
  const major = (pick: { row: Row; value: Decimal } | null) =>
    pick === null ? null : { strike: pick.row.strike, net_gex: net(pick.row) ?? '0.00' };
  return { positive: major(positive), negative: major(negative) };
}

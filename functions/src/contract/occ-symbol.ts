/** An option's identity as its OCC symbol encodes it. */
export interface OccOption {
  /** OCC root, e.g. `SPY`, `SPXW`. */
  underlying: string;
  /** Expiry date `YYYY-MM-DD`. */
  expiry: string;
  type: 'call' | 'put';
  /** Strike, USD, as a decimal string without trailing zeros (e.g. "759", "592.5"). */
  strike: string;
}

const OCC = /^([A-Z][A-Z0-9.]{0,5}) ?(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

/**
 * Parses an OCC option symbol (`SPY260608C00759000`: root, `YYMMDD`, `C`/`P`, strike × 1000 in
 * eight digits; the padded 21-character form with spaces is accepted too). Years are 20YY.
 * @returns the parts, or null when `symbol` is not an OCC symbol or its date is impossible.
 */
export function parseOccSymbol(symbol: string): OccOption | null {
  const match = OCC.exec(symbol.replace(/\s+/g, ' ').trim());
  if (!match) return null;
  const [, root, yy, mm, dd, cp, strikeMilli] = match as unknown as [string, ...string[]];
  const expiry = `20${yy}-${mm}-${dd}`;
  const date = new Date(`${expiry}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== expiry) return null;
  const milli = Number(strikeMilli);
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return {
    underlying: root ?? '',
    expiry,
    type: cp === 'C' ? 'call' : 'put',
    strike: fraction ? `${whole}.${fraction}` : String(whole),
  };
}

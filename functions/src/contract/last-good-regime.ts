import { z } from 'zod';
import { DecimalString, GexRegime } from './regime';

/** One symbol's last good regime as the runner keeps it (`serverState/strategy_last_good`). */
export const LastGoodSymbol = z.object({
  gex_regime: GexRegime,
  gex_strength: DecimalString,
  total_gex_dollar: DecimalString,
  spot_price: DecimalString,
  as_of: z.string(),
});
export type LastGoodSymbol = z.infer<typeof LastGoodSymbol>;

/** Last good regimes by upper-case ticker. */
export const LastGoodRegimes = z.record(z.string(), LastGoodSymbol);
export type LastGoodRegimes = z.infer<typeof LastGoodRegimes>;

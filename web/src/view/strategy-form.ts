import {
  STRATEGY_CONFIG_BOUNDS,
  StrategyConfigFields,
} from '../../../functions/src/contract/strategy-document';

/**
 * The strategy form's pure side: what the user typed becomes the configuration written to
 * `users/{uid}/strategies/{id}` (checked by the contract's schema, whose bounds firestore.rules
 * enforces too), or a sentence naming the field that is wrong. An empty number field means the
 * strategy's default and is left out of the document.
 */

/** The numeric fields, in the form's order, with their labels. */
export const NUMBER_FIELDS = [
  ['hedge_threshold_positive', 'Hedge threshold, positive GEX'],
  ['hedge_threshold_negative', 'Hedge threshold, negative GEX'],
  ['allocation_positive', 'Allocation, positive GEX'],
  ['allocation_negative', 'Allocation, negative GEX'],
  ['max_position_shares', 'Most shares held'],
  ['max_order_notional', 'Largest order (USD)'],
  ['max_orders_per_day', 'Orders per day at most'],
] as const;

export type NumberField = (typeof NUMBER_FIELDS)[number][0];

/** The form's fields as the inputs hold them. */
export interface StrategyFormFields {
  id: string;
  enabled: boolean;
  mode: string;
  symbol: string;
  numbers: Record<NumberField, string>;
}

/** A strategy id the rules accept: 1 to 64 letters, digits, `_` or `-`. */
export const STRATEGY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The configuration to write (and the fields to clear), or what is wrong. */
export type StrategyFormResult =
  | {
      ok: true;
      id: string;
      config: StrategyConfigFields;
      /** Number fields left empty: removed from the document, so their defaults apply. */
      cleared: NumberField[];
    }
  | { ok: false; message: string };

function boundsText(field: NumberField): string {
  const b: { min: number; max: number; integer?: boolean } = STRATEGY_CONFIG_BOUNDS[field];
  return `${b.integer ? 'a whole number' : 'a number'} from ${b.min} to ${b.max}`;
}

/** Reads the form: trims, turns number texts into numbers, checks everything against the contract. */
export function readStrategyForm(fields: StrategyFormFields): StrategyFormResult {
  const id = fields.id.trim();
  if (!STRATEGY_ID.test(id))
    return { ok: false, message: 'Name the strategy with 1 to 64 letters, digits, "_" or "-".' };
  const symbol = fields.symbol.trim().toUpperCase();
  const doc: Record<string, unknown> = { enabled: fields.enabled, mode: fields.mode, kind: 'gamma_scalper' };
  if (symbol !== '') doc.symbol = symbol;
  const cleared: NumberField[] = [];
  for (const [field, label] of NUMBER_FIELDS) {
    const text = fields.numbers[field].trim();
    if (text === '') {
      cleared.push(field);
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) return { ok: false, message: `${label}: enter ${boundsText(field)}.` };
    doc[field] = value;
  }
  const parsed = StrategyConfigFields.safeParse(doc);
  if (parsed.success) return { ok: true, id, config: parsed.data, cleared };
  const field = parsed.error.issues[0]?.path[0];
  const number = NUMBER_FIELDS.find(([name]) => name === field);
  if (number) return { ok: false, message: `${number[1]}: enter ${boundsText(number[0])}.` };
  if (field === 'symbol') return { ok: false, message: 'Symbol: an upper-case ticker such as SPY.' };
  if (field === 'mode') return { ok: false, message: 'Mode: off, paper or live.' };
  return { ok: false, message: 'The strategy could not be read; check every field.' };
}

/** The form's fields for a strategy (its stored configuration), or for a new one. */
export function strategyFormFields(id: string, config?: Partial<StrategyConfigFields>): StrategyFormFields {
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map(([field]) => {
      const value = config?.[field];
      return [field, value === undefined ? '' : String(value)];
    }),
  ) as Record<NumberField, string>;
  return {
    id,
    enabled: config?.enabled ?? true,
    mode: config?.mode ?? 'off',
    symbol: config?.symbol ?? 'SPY',
    numbers,
  };
}

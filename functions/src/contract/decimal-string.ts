import { z } from 'zod';

/** A decimal carried as a string, e.g. `"7650000.00"` or `"-16200000.00"`. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/** A non-negative integer count. */
export const Count = z.number().int().nonnegative();

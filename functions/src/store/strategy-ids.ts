import { createHash } from 'node:crypto';

/** Short stable id fragment of a regime `as_of` for document and task ids (16 hex digits). */
export function asOfKey(asOf: string): string {
  return createHash('sha256').update(asOf, 'utf8').digest('hex').slice(0, 16);
}

/** The decision log entry's id: strategy and regime `as_of`, so a repeat finds it. */
export const decisionId = (strategyId: string, regimeEventAsOf: string): string =>
  `${strategyId}_${asOfKey(regimeEventAsOf)}`;

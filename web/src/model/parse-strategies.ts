import { TradingSettings } from '../../../functions/src/contract/strategy-document';
import { DecisionLogEntry, StrategyDocument } from '../../../functions/src/contract/strategy-state';
import type { Parsed } from './parse-account';

/** Parses `users/{uid}/strategies/{id}` (configuration and server state) with the contract; no throw. */
export function parseStrategy(data: unknown): Parsed<StrategyDocument> {
  const parsed = StrategyDocument.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** Parses decision log entries, dropping any that do not match the contract. */
export function parseDecisions(rows: unknown[]): DecisionLogEntry[] {
  return rows.flatMap((row) => {
    const parsed = DecisionLogEntry.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The kill switch from `users/{uid}/settings/trading`: off when the document does not exist; an
 * unreadable document counts as on, as the runner counts it.
 */
export function parseKillSwitch(data: unknown): boolean {
  if (data === null) return false;
  const parsed = TradingSettings.safeParse(data);
  return parsed.success ? parsed.data.kill_switch : true;
}

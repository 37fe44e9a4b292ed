import type { MarketRegimeDocument } from '../contract/regime';

/**
 * Whether this pulse should compute. Always while the market is open; while it is closed, only
 * the first closed pulse (to record `market_open: false`) and then one every `cadenceMinutes`,
 * measured between schedule times, so a closed market does not spend API calls every minute.
 * @param pulseTime ISO-8601 schedule time of this pulse.
 */
export function isComputeDue(input: {
  marketOpen: boolean;
  previous: MarketRegimeDocument | null;
  pulseTime: string;
  cadenceMinutes: number;
}): boolean {
  const { marketOpen, previous } = input;
  if (marketOpen || previous === null || previous.market_open) return true;
  const elapsedMs = Date.parse(input.pulseTime) - Date.parse(previous.pulse_time);
  // A clock going backwards (or an unreadable time) is not a reason to stay silent.
  if (Number.isNaN(elapsedMs) || elapsedMs < 0) return true;
  return elapsedMs >= input.cadenceMinutes * 60_000;
}

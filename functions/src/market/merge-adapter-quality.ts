import type { SymbolRegime } from '../contract/regime';
import type { ChainQuality } from './market-cycle';

/**
 * Adds the adapter's skipped contracts (one-sided joins, schema failures) to the engine's
 * `quality`: they count as seen and are listed under their reason next to the engine's own.
 * Pure; returns a new regime map.
 */
export function mergeAdapterQuality(
  regime: SymbolRegime,
  adapter: Pick<ChainQuality, 'skipped'>,
): SymbolRegime {
  const skipped = { ...regime.quality.skipped };
  let extra = 0;
  for (const [reason, count] of Object.entries(adapter.skipped)) {
    if (count <= 0) continue;
    skipped[reason] = (skipped[reason] ?? 0) + count;
    extra += count;
  }
  return {
    ...regime,
    quality: { ...regime.quality, contracts_seen: regime.quality.contracts_seen + extra, skipped },
  };
}

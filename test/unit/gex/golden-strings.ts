import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cboeChainInput, type ExpirySelection } from '../../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import type { GexResult } from '../../../functions/src/contract/regime';

/** Every real CBOE fixture, and the two selections whose stored strings are pinned per file. */
export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/cboe/', import.meta.url));
export const FIXTURES = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.csv'));
export const SELECTIONS: Record<string, ExpirySelection> = {
  all: 'all',
  '0dte,1dte': { zeroDte: true, oneDte: true },
};
/** The pinned strings, captured once the stored identities held. */
export const GOLDEN_FILE = fileURLToPath(new URL('./golden-strings.json', import.meta.url));

/** Loads a fixture as the engine's input for one selection. */
export function fixtureInput(file: string, selection: ExpirySelection) {
  return cboeChainInput(parseCboeCsv(readFileSync(`${FIXTURE_DIR}${file}`, 'utf8')), { expiries: selection });
}

/**
 * The Decimal strings of a result: every money and strike string of the regime map (the float64
 * zero-gamma level and curve are left out: they are levels, not money) and a SHA-256 of the
 * strike profile's strings, which are too many to list.
 */
export function decimalStrings({ regime, profile }: GexResult): Record<string, unknown> {
  const {
    zero_gamma: _level,
    zero_gamma_reason: _reason,
    as_of: _asOf,
    quality: _quality,
    ...money
  } = regime;
  const rows = profile.map((r) => `${r.strike} ${r.call_gex} ${r.put_gex} ${r.net_gex}`).join('\n');
  return {
    ...money,
    profile_rows: profile.length,
    profile_sha256: createHash('sha256').update(rows).digest('hex'),
  };
}

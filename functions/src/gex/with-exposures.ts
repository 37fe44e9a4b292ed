import type { GexResult, StrikeProfileRow, SymbolRegime } from '../contract/regime';
import { addMoneyStrings, type Decimal, toMoneyString } from '../num/decimal';
import { scaledMoneyString } from '../num/scaled-decimal';
import { gexPerPct } from './contract-gex';
import { sumExposureColumns, type ExposureSums, type VolumeGex } from './exposure-sums';
import { strikeString } from './build-regime';
import { findMajors } from './majors';
import type { ExpiryBucketName, NormalizedChain } from './normalize-contracts';

/** Call, put and net as stored from the two sides' money strings: net = call + put exactly. */
function withNet(call: string, put: string): { call: string; put: string; net: string } {
  return { call, put, net: addMoneyStrings(call, put) };
}

/** Call, put and net volume GEX as stored: each side rounded to the cent once, net = call + put exactly. */
function volumeStrings(sides: VolumeGex): { call: string; put: string; net: string } {
  return withNet(toMoneyString(sides.call), toMoneyString(sides.put));
}

/** The same per 1% move: each side converted and rounded once, net = call + put exactly. */
function volumePctStrings(sides: VolumeGex, spot: Decimal): { call: string; put: string; net: string } {
  return volumeStrings({ call: gexPerPct(sides.call, spot), put: gexPerPct(sides.put, spot) });
}

function withBucketVolumes(
  byExpiry: SymbolRegime['by_expiry'],
  sums: Record<ExpiryBucketName, VolumeGex>,
  spot: Decimal,
): SymbolRegime['by_expiry'] {
  const add = <T extends object>(bucket: T, sides: VolumeGex) => {
    const vol = volumeStrings(sides);
    return {
      ...bucket,
      net_gex_vol: vol.net,
      total_call_gex_vol: vol.call,
      total_put_gex_vol: vol.put,
      net_gex_vol_per_pct: volumePctStrings(sides, spot).net,
    };
  };
  const out: SymbolRegime['by_expiry'] = {
    zero_dte: add(byExpiry.zero_dte, sums.zero_dte),
    one_dte: add(byExpiry.one_dte, sums.one_dte),
  };
  if (byExpiry.other) out.other = add(byExpiry.other, sums.other);
  return out;
}

/**
 * The profile rows with their strike's volume GEX and delta/vanna/charm exposure (matched by
 * strike), plus a row for each strike traded today with no open interest (its OI columns 0.00).
 */
function withStrikeColumns(profile: readonly StrikeProfileRow[], sums: ExposureSums): StrikeProfileRow[] {
  // Keyed by the stored strike text, which names one strike value (it shows every decimal place).
  const rows = new Map(profile.map((row) => [row.strike, row]));
  return sums.byStrike.map((s) => {
    const strike = strikeString(s.strike);
    const row = rows.get(strike) ?? {
      strike,
      call_gex: '0.00',
      put_gex: '0.00',
      net_gex: '0.00',
    };
    const vol = withNet(scaledMoneyString(s.call), scaledMoneyString(s.put));
    return {
      ...row,
      call_gex_vol: vol.call,
      put_gex_vol: vol.put,
      net_gex_vol: vol.net,
      delta_exposure: scaledMoneyString(s.delta),
      vanna_exposure: scaledMoneyString(s.vanna),
      charm_exposure: scaledMoneyString(s.charm),
    };
  });
}

/**
 * Adds the figures beyond open-interest GEX to an engine result: volume GEX per symbol, bucket and
 * strike, majors by OI and by volume, delta/vanna/charm exposure per symbol and strike, and their
 * quality counts. The OI figures are left exactly as they were.
 */
export function withExposures(result: GexResult, chain: NormalizedChain, spot: Decimal): GexResult {
  const sums = sumExposureColumns([chain.used, chain.tradedOnly], spot);
  const profile = withStrikeColumns(result.profile, sums);
  const vol = volumeStrings(sums.total);
  const pct = volumePctStrings(sums.total, spot);
  const r = result.regime;
  const regime: SymbolRegime = {
    ...r,
    by_expiry: withBucketVolumes(r.by_expiry, sums.byBucket, spot),
    quality: {
      ...r.quality,
      volume_missing: chain.volumeMissing,
      volume_invalid: chain.volumeInvalid,
      exposure_excluded: chain.exposureExcluded,
      volume_only: chain.tradedOnly.length,
    },
    net_gex_vol: vol.net,
    total_call_gex_vol: vol.call,
    total_put_gex_vol: vol.put,
    net_gex_vol_per_pct: pct.net,
    total_call_gex_vol_per_pct: pct.call,
    total_put_gex_vol_per_pct: pct.put,
    majors: {
      oi: findMajors(profile, (row) => row.net_gex),
      volume: findMajors(profile, (row) => row.net_gex_vol),
    },
    delta_exposure: toMoneyString(sums.total.delta),
    vanna_exposure: toMoneyString(sums.total.vanna),
    charm_exposure: toMoneyString(sums.total.charm),
  };
  return { ...result, regime, profile };
}

import type { Firestore } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { noAccountSync, type AccountSync } from '../accounts/account-sync';
import { buildTaskAccountSync } from './account-sync';
import {
  alpacaBaseUrl,
  alpacaDataUrl,
  alpacaFeed,
  alpacaKeyId,
  alpacaSecretKey,
  closedCadenceMinutes,
  historyRetentionDays,
  pulseSymbols,
  strikeBandPct,
} from './params';
import { parseSymbols, type PulseConfig } from '../pulse/pulse-config';
import { computeGex } from '../gex/compute-gex';
import { createAlpacaClient } from '../market/alpaca-client';
import { alpacaConfigFromEnv, type AlpacaConfig } from '../market/alpaca-config';
import { createMemoryDailyCache } from '../market/daily-cache';
import { createMarketData } from '../market/market-data';
import { OpenInterestEntry } from '../market/open-interest';
import { CalendarEntry } from '../market/trading-sessions';
import { createFirestoreDailyCache, layerDailyCaches } from '../store/firestore-daily-cache';
import { getDb } from '../store/firestore-db';
import { createPulseStore } from '../store/regime-store';
import { createAlpacaMarketSource } from '../market/alpaca-market-source';
import type { MarketDataSource } from '../market/market-source';
import type { PulseDeps, PulseLog } from '../pulse/ports';
import { PULSE_TIMEOUT_SECONDS } from './global-options';

/**
 * How long a pulse's lease is honoured, ms: one second past the timeout, so a live run (which
 * started before it took the lease) is never overtaken, while the lease of a run that crashed or
 * timed out has expired when the next minute's pulse arrives (it takes the lease ~60 s later).
 * The commit is fenced by the lease token either way.
 */
export const PULSE_LEASE_TTL_MS = (PULSE_TIMEOUT_SECONDS + 1) * 1000;

/**
 * The Alpaca adapter behind the pulse, its daily caches in memory first and in Firestore
 * (`marketCache`) behind, so a cold instance does not refetch open interest or the calendar.
 * @param strikeBandPct strike band half-width around spot, percent.
 */
export function createMarketSource(input: {
  db: Firestore;
  alpaca: AlpacaConfig;
  strikeBandPct: number;
}): MarketDataSource {
  const client = createAlpacaClient(input.alpaca);
  const marketData = createMarketData({
    client,
    feed: input.alpaca.optionFeed,
    strikeBandPct: input.strikeBandPct,
    openInterestCache: layerDailyCaches(
      createMemoryDailyCache(),
      createFirestoreDailyCache(input.db, { schema: OpenInterestEntry }),
    ),
    calendarCache: layerDailyCaches(
      createMemoryDailyCache(),
      createFirestoreDailyCache(input.db, { schema: CalendarEntry }),
    ),
  });
  return createAlpacaMarketSource({ client, marketData });
}

/** Dependencies of {@link runPulse} from plain values (the trigger passes params; tests their own). */
export function createPulseDeps(input: {
  db: Firestore;
  market: MarketDataSource;
  config: PulseConfig;
  log?: PulseLog;
  /** Default: no account sync (tools and tests that do not exercise accounts). */
  accounts?: AccountSync;
}): PulseDeps {
  return {
    market: input.market,
    store: createPulseStore(input.db),
    accounts: input.accounts ?? noAccountSync,
    log: input.log ?? logger,
    now: () => new Date(),
    computeGex,
    config: input.config,
  };
}

/** Pulse settings from params. @throws Error on an invalid symbol list. */
export function pulseConfigFromParams(): PulseConfig {
  return {
    symbols: parseSymbols(pulseSymbols.value()),
    closedCadenceMinutes: closedCadenceMinutes.value(),
    historyRetentionDays: historyRetentionDays.value(),
    leaseTtlMs: PULSE_LEASE_TTL_MS,
    marketDataSource: { provider: 'alpaca', feed: alpacaFeed.value(), credentials: 'pulse_key' },
  };
}

/**
 * Alpaca settings from params and secrets (read at call time, never logged), checked and
 * normalized by the same rules as the CLI's environment (http(s) hosts, no trailing `/v2`, known feed).
 * @throws AlpacaConfigError naming the param that is missing or invalid.
 */
function alpacaConfigFromParams(): AlpacaConfig {
  return alpacaConfigFromEnv({
    APCA_API_KEY_ID: alpacaKeyId.value(),
    APCA_API_SECRET_KEY: alpacaSecretKey.value(),
    APCA_API_BASE_URL: alpacaBaseUrl.value(),
    APCA_API_DATA_URL: alpacaDataUrl.value(),
    APCA_OPTIONS_FEED: alpacaFeed.value(),
  });
}

let warm: { key: string; market: MarketDataSource } | undefined;

/**
 * Production dependencies from params. The Alpaca client and its in-memory caches are kept across
 * invocations of a warm instance (rebuilt if the key, hosts or feed change).
 */
export function buildPulseDeps(): PulseDeps {
  const db = getDb();
  const alpaca = alpacaConfigFromParams();
  const key = [alpaca.keyId, alpaca.tradingBaseUrl, alpaca.dataBaseUrl, alpaca.optionFeed].join('|');
  if (warm?.key !== key) {
    warm = { key, market: createMarketSource({ db, alpaca, strikeBandPct: strikeBandPct.value() }) };
  }
  return createPulseDeps({
    db,
    market: warm.market,
    config: pulseConfigFromParams(),
    accounts: buildTaskAccountSync(),
  });
}

import * as logger from 'firebase-functions/logger';
import { noAccountSync } from '../accounts/account-sync';
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
} from '../config/params';
import { parseSymbols, type PulseConfig } from '../config/pulse-config';
import { computeGex } from '../gex/compute-gex';
import { createAlpacaClient } from '../market/alpaca-client';
import { OptionFeed } from '../market/alpaca-config';
import { createMemoryDailyCache } from '../market/daily-cache';
import { createMarketData } from '../market/market-data';
import { OpenInterestEntry } from '../market/open-interest';
import { CalendarEntry } from '../market/trading-sessions';
import { createFirestoreDailyCache, layerDailyCaches } from '../store/firestore-daily-cache';
import { getDb } from '../store/firestore-db';
import { createPulseStore } from '../store/regime-store';
import { createAlpacaMarketSource } from './alpaca-market-source';
import type { MarketDataSource, PulseDeps } from './ports';

/** The pulse function's timeout; the lease outlives it by a few seconds. */
export const PULSE_TIMEOUT_SECONDS = 55;

let market: { key: string; source: MarketDataSource } | undefined;

/** Alpaca client and adapter, kept across invocations of a warm instance (caches included). */
function marketSource(): MarketDataSource {
  const keyId = alpacaKeyId.value();
  const config = {
    keyId,
    secretKey: alpacaSecretKey.value(),
    tradingBaseUrl: alpacaBaseUrl.value().replace(/\/+$/, '').replace(/\/v2$/, ''),
    dataBaseUrl: alpacaDataUrl.value().replace(/\/+$/, ''),
    optionFeed: OptionFeed.parse(alpacaFeed.value()),
  };
  const key = `${keyId}|${config.tradingBaseUrl}|${config.dataBaseUrl}|${config.optionFeed}`;
  if (market?.key === key) return market.source;
  const db = getDb();
  const client = createAlpacaClient(config);
  const marketData = createMarketData({
    client,
    feed: config.optionFeed,
    strikeBandPct: strikeBandPct.value(),
    openInterestCache: layerDailyCaches(
      createMemoryDailyCache(),
      createFirestoreDailyCache(db, { schema: OpenInterestEntry }),
    ),
    calendarCache: layerDailyCaches(
      createMemoryDailyCache(),
      createFirestoreDailyCache(db, { schema: CalendarEntry }),
    ),
  });
  market = { key, source: createAlpacaMarketSource({ client, marketData }) };
  return market.source;
}

/** Pulse settings from params. @throws Error on an invalid symbol list. */
export function pulseConfig(): PulseConfig {
  return {
    symbols: parseSymbols(pulseSymbols.value()),
    closedCadenceMinutes: closedCadenceMinutes.value(),
    historyRetentionDays: historyRetentionDays.value(),
    leaseTtlMs: (PULSE_TIMEOUT_SECONDS + 5) * 1000,
  };
}

/** Production dependencies of {@link runPulse}: Alpaca, Firestore, the logger, the wall clock. */
export function buildPulseDeps(): PulseDeps {
  return {
    market: marketSource(),
    store: createPulseStore(getDb()),
    accounts: noAccountSync,
    log: logger,
    now: () => new Date(),
    computeGex,
    config: pulseConfig(),
  };
}

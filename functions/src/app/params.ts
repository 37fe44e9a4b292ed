import { defineBoolean, defineInt, defineSecret, defineString } from 'firebase-functions/params';
import { DEFAULT_STRIKE_BAND_PCT } from '../market/strike-band';

/**
 * Every deploy-time setting of the functions, in one module. Each param has a default and a
 * value in `functions/.env.demo-gex-pulse` so `firebase emulators:exec` loads the functions
 * non-interactively. Secrets come from Secret Manager (locally: `functions/.secret.local`).
 */

/** Alpaca key id (Secret Manager); never logged. */
export const alpacaKeyId = defineSecret('APCA_API_KEY_ID');
/** Alpaca secret key (Secret Manager); never logged. */
export const alpacaSecretKey = defineSecret('APCA_API_SECRET_KEY');

/**
 * Discord/Slack incoming-webhook URL that regime events are posted to (Secret Manager; it embeds
 * a token, so it is a secret and never logged). `none` turns posting off.
 */
export const regimeWebhookUrl = defineSecret('REGIME_WEBHOOK_URL');

/** Comma-separated underlyings, e.g. `SPY,QQQ` (a string param: list params need JSON in dotenv). */
export const pulseSymbols = defineString('PULSE_SYMBOLS', {
  default: 'SPY,QQQ',
  description: 'Comma-separated underlyings whose 0DTE/1DTE GEX the pulse computes.',
});

/** Option market-data feed: `indicative` (free) or `opra` (subscription). */
export const alpacaFeed = defineString('ALPACA_FEED', {
  default: 'indicative',
  input: { select: { options: [{ value: 'indicative' }, { value: 'opra' }] } },
});

/** Trading API host (clock, calendar, option contracts/open interest). */
export const alpacaBaseUrl = defineString('APCA_API_BASE_URL', {
  default: 'https://paper-api.alpaca.markets',
});

/** Market-data API host (option chain snapshots, stock trades). */
export const alpacaDataUrl = defineString('APCA_API_DATA_URL', {
  default: 'https://data.alpaca.markets',
});

/** While the market is closed, compute only every this many minutes. */
export const closedCadenceMinutes = defineInt('PULSE_CLOSED_CADENCE_MINUTES', { default: 15 });

/** Strike band around spot requested from the chain, in percent of spot (each side). */
export const strikeBandPct = defineInt('PULSE_STRIKE_BAND_PCT', { default: DEFAULT_STRIKE_BAND_PCT });

/** Days a `history` row lives before Firestore TTL deletes it. */
export const historyRetentionDays = defineInt('PULSE_HISTORY_RETENTION_DAYS', { default: 7 });

/** Age (seconds) after which `health` calls the regime stale during market hours. */
export const healthMaxAgeSeconds = defineInt('HEALTH_MAX_AGE_SECONDS', { default: 180 });

/**
 * Master keys wrapping users' credential data keys (Secret Manager): `id:base64key` entries
 * (32-byte keys), comma-separated; old ids stay until `npm run rotate-keys` has re-wrapped every
 * record. Never logged.
 */
export const accountsMasterKeys = defineSecret('ACCOUNTS_MASTER_KEYS');

/** Id (in `ACCOUNTS_MASTER_KEYS`) that new and re-wrapped credential records use. */
export const accountsMasterKeyId = defineString('ACCOUNTS_MASTER_KEY_ID', {
  default: 'k1',
  description: 'Id of the current master key in ACCOUNTS_MASTER_KEYS.',
});

/** Sync tasks that run at once (the task queue's `maxConcurrentDispatches`). */
export const accountsSyncConcurrentTasks = defineInt('ACCOUNTS_SYNC_CONCURRENT_TASKS', {
  default: 10,
  description: 'Account-sync tasks (100 users each) running at once.',
});

/** Trading API host for users' paper accounts. */
export const alpacaPaperTradingUrl = defineString('ALPACA_PAPER_TRADING_URL', {
  default: 'https://paper-api.alpaca.markets',
});

/** Trading API host for users' live accounts. */
export const alpacaLiveTradingUrl = defineString('ALPACA_LIVE_TRADING_URL', {
  default: 'https://api.alpaca.markets',
});

/** Global kill switch: true stops every user's strategy orders (decisions are still recorded). */
export const strategiesKillSwitch = defineBoolean('STRATEGIES_KILL_SWITCH', {
  default: false,
  description: 'true stops all strategy orders for every user; decisions are still recorded.',
});

/**
 * The operator's override regime, the first fallback when the regime document is unusable:
 * `REGIME:STRENGTH` (e.g. `NEGATIVE:1.8`, strength in billions), or `none`.
 */
export const strategiesOverrideRegime = defineString('STRATEGIES_OVERRIDE_REGIME', {
  default: 'none',
  description: 'Fallback regime when the document is unusable: REGIME:STRENGTH (e.g. NEGATIVE:1.8) or none.',
});

/** Users per page of the strategy runner; more users than this fan out through the task queue. */
export const strategiesPageSize = defineInt('STRATEGIES_PAGE_SIZE', { default: 100 });

/** Days a decision log entry lives before Firestore TTL deletes it. */
export const strategiesDecisionRetentionDays = defineInt('STRATEGIES_DECISION_RETENTION_DAYS', {
  default: 30,
});

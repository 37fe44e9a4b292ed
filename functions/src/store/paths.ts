/** Firestore locations the server writes. Client access is governed by firestore.rules. */
export const REGIME_DOC = 'systemStatus/market_regime';
/** `gexProfiles/{SYMBOL}` (upper-case ticker). */
export const PROFILES_COLLECTION = 'gexProfiles';
/** `history/{pulse time}`; rows expire through the TTL field `expire_at`. */
export const HISTORY_COLLECTION = 'history';
/** Server-only state (no client access): the pulse lease. */
export const LEASE_DOC = 'serverState/pulse_lease';
/** Server-only cache of daily open interest (`marketCache/{key}`). */
export const MARKET_CACHE_COLLECTION = 'marketCache';
/** `regimeEvents/{id}`: sign changes of net GEX and zero-gamma crossings, one per crossing. */
export const REGIME_EVENTS_COLLECTION = 'regimeEvents';
/** `users/{uid}`: the owner-visible connection state. */
export const USERS_COLLECTION = 'users';
/** `users/{uid}/private/alpaca`: the encrypted credential record (no client access). */
export const credentialPath = (uid: string): string => `users/${uid}/private/alpaca`;
/** `users/{uid}/private/connect_attempts`: the connect rate limit's counter (no client access). */
export const connectAttemptsPath = (uid: string): string => `users/${uid}/private/connect_attempts`;
/** `users/{uid}/data/snapshot`: the synced account and positions (owner reads). */
export const snapshotPath = (uid: string): string => `users/${uid}/data/snapshot`;
/** Server-only progress of the last master-key rotation. */
export const KEY_ROTATION_DOC = 'serverState/key_rotation';
/** `users/{uid}/strategies/{id}`: the user's strategy configuration and the server's `state`. */
export const strategiesPath = (uid: string): string => `users/${uid}/strategies`;
/** `users/{uid}/decisions/{strategyId}_{as_of key}`: the append-only decision log (TTL `expire_at`). */
export const decisionsPath = (uid: string): string => `users/${uid}/decisions`;
/** `users/{uid}/orders/{client_order_id}`: the order log the daily cap counts. */
export const ordersPath = (uid: string): string => `users/${uid}/orders`;
/** `users/{uid}/settings/trading`: the user's kill switch. */
export const tradingSettingsPath = (uid: string): string => `users/${uid}/settings/trading`;

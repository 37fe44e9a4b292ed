import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { encryptCredentials } from '../../../functions/src/accounts/credential-cipher';
import { parseMasterKeyring } from '../../../functions/src/accounts/master-keyring';
import type { StrategyConfigFields } from '../../../functions/src/contract/strategy-document';
import { toAccountContent } from '../../../functions/src/trading/to-account-content';
import { createTradingClient } from '../../../functions/src/trading/trading-client';
import { DEMO_MASTER_KEYS } from '../../../scripts/lib/dev-env';
import { snapshot } from '../../unit/strategy-runner/fakes';
import { storedRegimeDoc, type RegimeDocInput } from '../../unit/strategy-runner/regime-builder';
import { simAccounts, type SimAccountKeys } from '../accounts/harness';
import { simulatorUrl } from '../pulse/harness';
import { connectedUserDocument } from '../../support/connected-user';

/**
 * Plumbing of the strategy runner's emulator tests: users seeded as the accounts module leaves them
 * (connection, encrypted credentials, a snapshot read from the simulator through the real trading
 * client), regime writes, and reads of decisions and the simulator's order list.
 */
export const keyring = parseMasterKeyring(DEMO_MASTER_KEYS, 'demo1');

/** A simulated paper account short 1,000 SPY with $1M cash: the GammaScalper wants to buy shares. */
export async function shortSpyAccount(): Promise<SimAccountKeys> {
  const [account] = await simAccounts.create({
    cash: 1_000_000,
    holdings: [{ kind: 'stock', symbol: 'SPY', qty: -1000, avgEntryPrice: 450 }],
  });
  if (!account) throw new Error('no simulated account');
  return account;
}

/**
 * Seeds a connected user: `users/{uid}`, the encrypted record (a paper connection unless `live`),
 * the snapshot and one strategy `hedge`.
 */
export async function seedUser(
  db: Firestore,
  input: {
    uid: string;
    account?: SimAccountKeys;
    config: Partial<StrategyConfigFields>;
    killSwitch?: boolean;
    /** The account connects as a live one (default: paper). */
    live?: boolean;
  },
): Promise<void> {
  const { uid, account } = input;
  const now = new Date();
  const batch = db.batch();
  const paper = !input.live;
  batch.set(db.doc(`users/${uid}`), connectedUserDocument(now, paper));
  let content;
  if (account?.keyId && account.secretKey) {
    const credentials = { keyId: account.keyId, secretKey: account.secretKey };
    batch.set(
      db.doc(`users/${uid}/private/alpaca`),
      encryptCredentials({ uid, credentials, paper, keyring, now }),
    );
    const client = createTradingClient({ baseUrl: simulatorUrl(), credentials });
    content = toAccountContent(await client.getAccount(), await client.listPositions());
  } else content = snapshot();
  batch.set(db.doc(`users/${uid}/data/snapshot`), {
    ...content,
    sync_error: null,
    sync_error_kind: null,
    synced_at: now.toISOString(),
  });
  batch.set(db.doc(`users/${uid}/strategies/hedge`), { enabled: true, ...input.config });
  if (input.killSwitch !== undefined)
    batch.set(db.doc(`users/${uid}/settings/trading`), { kill_switch: input.killSwitch });
  await batch.commit();
}

/** Writes `systemStatus/market_regime` as the pulse would (a server timestamp, written now). */
export async function writeRegime(db: Firestore, input: RegimeDocInput): Promise<void> {
  const doc = storedRegimeDoc({
    lastUpdated: new Date().toISOString(),
    ...input,
    timestamp: Timestamp.now(),
  });
  await db.doc('systemStatus/market_regime').set(doc);
}

/** A fresh regime `as_of` (unique per call, moving forward). */
let bump = 0;
export function nextAsOf(): string {
  bump += 1;
  return new Date(Math.floor(Date.now() / 1000) * 1000 + bump).toISOString();
}

/** The decision log entries of a user for a regime `as_of`. */
export async function decisionsFor(
  db: Firestore,
  uid: string,
  asOf: string,
): Promise<Record<string, unknown>[]> {
  const snap = await db.collection(`users/${uid}/decisions`).where('regime_event_as_of', '==', asOf).get();
  return snap.docs.map((d) => d.data());
}

/** The simulator's orders for one account. */
export async function simOrders(
  accountId: string,
): Promise<{ client_order_id: string; status: string; qty: string; side: string }[]> {
  const response = await fetch(`${simulatorUrl()}/_sim/orders`);
  const body = (await response.json()) as {
    orders: {
      account_id: string;
      order: { client_order_id: string; status: string; qty: string; side: string };
    }[];
  };
  return body.orders.filter((o) => o.account_id === accountId).map((o) => o.order);
}

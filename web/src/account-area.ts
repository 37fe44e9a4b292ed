/**
 * The signed-in account area's wiring (an I/O edge like main.ts): per signed-in user, listens to
 * `users/{uid}` and `users/{uid}/data/snapshot`, parses them with the contract and renders the
 * pure view models into the panel.
 */
import type { Firestore, Unsubscribe } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import type {
  AccountSnapshotDocument,
  UserConnectionDocument,
} from '../../functions/src/contract/account-snapshot';
import { AccountPanel } from './dom/render-account';
import { accountCallables, watchAccountSnapshot, watchConnection } from './firebase/account';
import { parseAccountSnapshot, parseConnection, type Parsed } from './model/parse-account';
import { createStrategiesArea, type StrategiesArea } from './strategies-area';
import { buildConnectionView, buildSnapshotView, hasSnapshotArea } from './view/account-view';

/** What the area needs of a Firebase user. */
export interface SignedInUser {
  uid: string;
  isAnonymous: boolean;
  email: string | null;
}

/**
 * Mounts the account panel and the Strategies panel in `root`; call `signedIn` on every auth
 * state with a user. `onError` reports a strategies listener's failure.
 */
export function watchSignedInAccount(deps: {
  root: HTMLElement;
  db: Firestore;
  functions: Functions;
  onError: (message: string) => void;
}): {
  signedIn: (user: SignedInUser) => void;
} {
  let panel: AccountPanel | null = null;
  let strategies: StrategiesArea | null = null;
  let uid: string | null = null;
  let stops: Unsubscribe[] = [];
  let connection: Parsed<UserConnectionDocument> | null | undefined;
  let snapshot: Parsed<AccountSnapshotDocument> | null | undefined;

  const render = (): void => {
    if (!panel) return;
    const view = buildConnectionView(connection);
    panel.showConnection(view);
    panel.showSnapshot(buildSnapshotView(snapshot), hasSnapshotArea(view));
  };
  const failed = (what: string) => (error: Error) => {
    if (what === 'connection') connection = { ok: false, message: error.message };
    else snapshot = { ok: false, message: error.message };
    render();
  };

  return {
    signedIn(user) {
      if (!panel) {
        panel = new AccountPanel(deps.root, accountCallables(deps.functions));
        strategies = createStrategiesArea(deps);
        deps.root.append(strategies.element);
      }
      panel.showUser(user);
      if (user.uid === uid) return;
      strategies?.watch(user.uid);
      for (const stop of stops) stop();
      uid = user.uid;
      connection = undefined;
      snapshot = undefined;
      render();
      stops = [
        watchConnection(deps.db, user.uid, {
          next: (data) => {
            connection = data === null ? null : parseConnection(data);
            render();
          },
          error: failed('connection'),
        }),
        watchAccountSnapshot(deps.db, user.uid, {
          next: (data) => {
            snapshot = data === null ? null : parseAccountSnapshot(data);
            render();
          },
          error: failed('snapshot'),
        }),
      ];
    },
  };
}

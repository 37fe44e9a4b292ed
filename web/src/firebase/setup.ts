import type { FirebaseOptions } from 'firebase/app';
import firebaseJson from '../../../firebase.json';

/** The demo project the emulators run (`demo-` ids never touch real resources). */
export const DEMO_PROJECT_ID = 'demo-gex-pulse';

/** Where the page's Firebase lives: the hosted project's config, or the local emulators. */
export interface FirebaseSetup {
  config: FirebaseOptions;
  /** Emulator origins when served locally; null when deployed. */
  emulators: {
    authUrl: string;
    firestoreHost: string;
    firestorePort: number;
    /** The Functions emulator, for the callables (`connectAlpaca`, …). */
    functionsHost: string;
    functionsPort: number;
  } | null;
}

/** True for the hostnames `npm start` serves the page on. */
export function isLocalHostname(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname);
}

/**
 * The emulators' setup for a page served from `hostname` (ports from firebase.json, host as the
 * page's own, so `localhost` and `127.0.0.1` both work).
 */
export function emulatorSetup(hostname: string): FirebaseSetup {
  const { auth, firestore, functions } = firebaseJson.emulators;
  return {
    config: {
      projectId: DEMO_PROJECT_ID,
      apiKey: 'demo-key',
      authDomain: `${DEMO_PROJECT_ID}.firebaseapp.com`,
    },
    emulators: {
      authUrl: `http://${hostname}:${auth.port}`,
      firestoreHost: hostname,
      firestorePort: firestore.port,
      functionsHost: hostname,
      functionsPort: functions.port,
    },
  };
}

/**
 * Served locally: the emulators. Deployed: Firebase Hosting's `/__/firebase/init.json`.
 * @throws Error when the hosted config cannot be fetched.
 */
export async function resolveFirebaseSetup(
  location: { hostname: string },
  fetchJson: (url: string) => Promise<unknown>,
): Promise<FirebaseSetup> {
  if (isLocalHostname(location.hostname)) return emulatorSetup(location.hostname);
  const config = (await fetchJson('/__/firebase/init.json')) as FirebaseOptions;
  if (typeof config?.projectId !== 'string') throw new Error('/__/firebase/init.json has no projectId');
  return { config, emulators: null };
}

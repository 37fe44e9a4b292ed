/**
 * The dashboard's entry: signs in, subscribes with `onSnapshot` to the regime document, each
 * symbol's strike profile and today's history rows, and renders them. Everything shown is
 * computed by the pure modules in model/ and view/; this file is the I/O edge.
 */
import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, onAuthStateChanged, signInAnonymously } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Unsubscribe } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import type { HistoryRow } from '../../functions/src/contract/regime';
import { resolveFirebaseSetup } from './firebase/setup';
import { watchSignedInAccount } from './account-area';
import { watchHistory, watchProfile, watchRegime } from './firebase/subscribe';
import { renderBanners } from './dom/render-banners';
import { renderHeader } from './dom/render-header';
import { SymbolSection } from './dom/render-symbol';
import {
  parseHistoryRows,
  parseProfile,
  parseRegime,
  type ParseFailure,
  type RegimeState,
} from './model/parse-documents';
import { buildBanners } from './view/banners';
import { startOfNewYorkDayIso } from './view/chart-series';
import './styles.css';
import './account.css';

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el;
};
const ui = {
  status: byId('status'),
  banners: byId('banners'),
  symbols: byId('symbols'),
  nav: byId('symbol-nav'),
};

let regime: RegimeState | ParseFailure | null | undefined; // undefined: loading
let history: HistoryRow[] = [];
const sections = new Map<string, { section: SymbolSection; unsubscribe: Unsubscribe }>();

function setEmpty(text: string): void {
  ui.symbols.replaceChildren(
    Object.assign(document.createElement('p'), { className: 'empty', textContent: text }),
  );
}

function render(): void {
  if (regime === undefined) return;
  if (regime === null) {
    renderBanners(ui.banners, []);
    setEmpty('No regime yet: the first pulse has not written systemStatus/market_regime.');
    renderHeader(ui.nav, null);
    return;
  }
  renderBanners(ui.banners, buildBanners(regime, Date.now()));
  renderHeader(ui.nav, regime.ok ? regime : null);
  if (!regime.ok) return setEmpty('The regime document could not be read (see the banner above).');
  if (regime.symbols.length === 0) return setEmpty('The regime document lists no symbols.');
  ui.symbols.querySelector(':scope > .empty')?.remove();
  for (const symbol of regime.symbols) sections.get(symbol.key)?.section.showRegime(symbol);
}

function syncSections(db: ReturnType<typeof getFirestore>, keys: string[]): void {
  for (const [key, entry] of sections) {
    if (keys.includes(key)) continue;
    entry.unsubscribe();
    entry.section.element.remove();
    sections.delete(key);
  }
  for (const key of keys) {
    if (sections.has(key)) continue;
    const section = new SymbolSection(key);
    ui.symbols.append(section.element);
    section.showHistory(history);
    const unsubscribe = watchProfile(db, key.toUpperCase(), {
      next: (data) => section.showProfile(data === null ? null : parseProfile(data)),
      error: (error) => showFailure(`Profile ${key.toUpperCase()}: ${error.message}`),
    });
    sections.set(key, { section, unsubscribe });
  }
}

function showFailure(message: string): void {
  ui.status.textContent = message;
  ui.status.classList.add('status-error');
}

function subscribeHistory(db: ReturnType<typeof getFirestore>): () => void {
  let day = '';
  let stop: Unsubscribe = () => undefined;
  // Re-subscribes when the New York day changes, so "today" stays today on a page left open.
  return () => {
    const since = startOfNewYorkDayIso(Date.now());
    if (since === day) return;
    day = since;
    stop();
    history = [];
    stop = watchHistory(db, since, {
      next: (rows) => {
        history = parseHistoryRows(rows);
        for (const { section } of sections.values()) section.showHistory(history);
      },
      error: (error) => showFailure(`History: ${error.message}`),
    });
  };
}

function subscribe(db: ReturnType<typeof getFirestore>): void {
  const refreshHistoryDay = subscribeHistory(db);
  refreshHistoryDay();
  watchRegime(db, {
    next: (data) => {
      regime = data === null ? null : parseRegime(data);
      syncSections(db, regime?.ok ? regime.symbols.map((s) => s.key) : []);
      render();
    },
    error: (error) => showFailure(`Regime: ${error.message}`),
  });
  // Not polling Firestore: only the document's age (and the day) move with the clock.
  setInterval(() => {
    refreshHistoryDay();
    render();
  }, 15_000);
}

async function start(): Promise<void> {
  const setup = await resolveFirebaseSetup(location, async (url) => (await fetch(url)).json());
  const app = initializeApp(setup.config);
  const auth = getAuth(app);
  const db = getFirestore(app);
  const functions = getFunctions(app);
  if (setup.emulators) {
    connectAuthEmulator(auth, setup.emulators.authUrl, { disableWarnings: true });
    connectFirestoreEmulator(db, setup.emulators.firestoreHost, setup.emulators.firestorePort);
    connectFunctionsEmulator(functions, setup.emulators.functionsHost, setup.emulators.functionsPort);
  }
  const account = watchSignedInAccount({ root: byId('account'), db, functions, onError: showFailure });
  let subscribed = false;
  onAuthStateChanged(auth, (user) => {
    if (!user) return;
    ui.status.textContent = `Signed in (${user.isAnonymous ? 'anonymous' : (user.email ?? user.uid)}) · live`;
    ui.status.classList.remove('status-error');
    account.signedIn(user);
    if (!subscribed) subscribe(db);
    subscribed = true;
  });
  ui.status.textContent = 'Signing in…';
  if (!auth.currentUser) await signInAnonymously(auth);
}

start().catch((error: unknown) => {
  showFailure(`Could not connect: ${error instanceof Error ? error.message : String(error)}`);
  setEmpty('Not connected.');
});

/**
 * The Strategies panel's wiring (an I/O edge): per signed-in user, listens to
 * `users/{uid}/strategies`, the newest decision log entries and `users/{uid}/settings/trading`,
 * parses them with the contract and renders the pure view models.
 */
import type { Firestore, Unsubscribe } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import type { DecisionLogEntry, StrategyDocument } from '../../functions/src/contract/strategy-state';
import { StrategiesPanel } from './dom/render-strategies';
import {
  killSwitchCallable,
  saveStrategy,
  watchDecisions,
  watchStrategies,
  watchTradingSettings,
} from './firebase/strategies';
import type { Parsed } from './model/parse-account';
import { parseDecisions, parseKillSwitch, parseStrategy } from './model/parse-strategies';
import { buildStrategyViews } from './view/strategies-view';

/** The panel and a way to point it at a user. */
export interface StrategiesArea {
  element: HTMLElement;
  /** Listens to `uid`'s documents, dropping the previous user's listeners. */
  watch: (uid: string) => void;
}

/** Builds the Strategies panel; `onError` reports a listener's failure. */
export function createStrategiesArea(deps: {
  db: Firestore;
  functions: Functions;
  onError: (message: string) => void;
}): StrategiesArea {
  let uid = '';
  const panel = new StrategiesPanel(killSwitchCallable(deps.functions), (id, config, cleared) =>
    saveStrategy(deps.db, uid, id, config, cleared),
  );
  let stops: Unsubscribe[] = [];
  let strategies: { id: string; doc: Parsed<StrategyDocument> }[] | undefined;
  let decisions: DecisionLogEntry[] = [];
  const render = () =>
    panel.showStrategies(
      strategies && buildStrategyViews(strategies, decisions),
      new Map(strategies?.flatMap(({ id, doc }) => (doc.ok ? [[id, doc.value]] : []))),
    );
  const error = (what: string) => (e: Error) => deps.onError(`${what}: ${e.message}`);

  return {
    element: panel.element,
    watch(user) {
      uid = user;
      for (const stop of stops) stop();
      strategies = undefined;
      decisions = [];
      render();
      panel.showKillSwitch(undefined);
      panel.clearForm();
      stops = [
        watchStrategies(deps.db, uid, {
          next: (docs) => {
            strategies = docs.map(({ id, data }) => ({ id, doc: parseStrategy(data) }));
            render();
          },
          error: error('Strategies'),
        }),
        watchDecisions(deps.db, uid, {
          next: (rows) => {
            decisions = parseDecisions(rows);
            render();
          },
          error: error('Decisions'),
        }),
        watchTradingSettings(deps.db, uid, {
          next: (data) => panel.showKillSwitch(parseKillSwitch(data)),
          error: error('Kill switch'),
        }),
      ];
    },
  };
}

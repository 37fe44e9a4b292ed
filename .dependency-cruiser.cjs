/**
 * The architecture, checked on every `npm run check` (`npm run arch`).
 *
 * functions/src imports flow one way:
 *   index.ts (triggers) → app/ (composition root) → orchestration (pulse/, accounts/, health/, …)
 *   → edges (market/ Alpaca, store/ Firestore, trading/, notify/ webhooks) → pure core (gex/, calendar/, contract/,
 *   num/, and the top-level pricing/ and strategies/ libraries).
 * The pure core imports no firebase, no Google Cloud client and no Node built-in (no network,
 * no file system); ESLint keeps `process.env` and the wall clock out of it (eslint.config.js).
 * offline/ (the CBOE parser, the rules-based NYSE calendar) serves the CLI, the simulator and the
 * benchmark only: nothing deployed imports it.
 */
const CORE = '^(functions/src/(gex|calendar|contract|num)/|pricing/|strategies/)';
const EDGES = '^functions/src/(market|store|trading|notify)/';
const ORCHESTRATION = '^functions/src/(pulse|accounts|health|strategy-runner)/';
const APP = '^functions/src/app/';
const TRIGGERS = '^functions/src/index\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: break it by moving the shared type down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-pure',
      severity: 'error',
      comment: 'The pure core imports only the pure core (and decimal.js, zod).',
      from: { path: CORE },
      to: { pathNot: [CORE, '^node_modules/(decimal\\.js|zod)/'] },
    },
    {
      name: 'core-no-platform',
      severity: 'error',
      comment: 'No firebase, Google Cloud client or Node built-in (fs, net, http, …) in the pure core.',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'edges-below-orchestration',
      severity: 'error',
      comment: 'Adapters (market/, store/, trading/) never import orchestration, app/ or triggers.',
      from: { path: EDGES },
      to: { path: [ORCHESTRATION, APP, TRIGGERS] },
    },
    {
      name: 'market-not-store',
      severity: 'error',
      comment: 'store/ implements ports of market/ (its daily cache); never the other way round.',
      from: { path: '^functions/src/market/' },
      to: { path: '^functions/src/store/' },
    },
    {
      name: 'orchestration-below-app',
      severity: 'error',
      comment: 'Orchestration takes its dependencies as arguments: it never imports app/ or triggers.',
      from: { path: ORCHESTRATION },
      to: { path: [APP, TRIGGERS] },
    },
    {
      name: 'app-below-triggers',
      severity: 'error',
      from: { path: APP },
      to: { path: TRIGGERS },
    },
    {
      name: 'core-order',
      severity: 'error',
      comment: 'Inside the core: gex/ may use calendar/, contract/, num/, pricing/; not the reverse.',
      from: { path: '^(functions/src/(calendar|contract|num)/|pricing/)' },
      to: { path: '^functions/src/gex/' },
    },
    {
      name: 'num-and-pricing-are-leaves',
      severity: 'error',
      from: { path: '^(functions/src/num/|pricing/)' },
      to: { path: '^(functions/src/|pricing/|strategies/)', pathNot: '^(functions/src/num/|pricing/)' },
    },
    {
      name: 'strategies-own-their-inputs',
      severity: 'error',
      comment: 'The strategies library imports nothing of functions/: a user can run it anywhere.',
      from: { path: '^strategies/' },
      to: { path: '^functions/' },
    },
    {
      name: 'deployed-code-not-offline',
      severity: 'error',
      comment: 'Nothing deployed carries offline-only code, the CLI, the simulator, benches or tests.',
      from: { path: '^(functions/src/|pricing/|strategies/)' },
      to: { path: '^(offline|cli|simulator|bench|test|scripts|web)/' },
    },
    {
      name: 'web-reads-the-contract-only',
      severity: 'error',
      comment:
        'The dashboard shares the document contract, its locations and the pure calendar with functions; nothing else.',
      from: { path: '^web/' },
      to: {
        path: '^(functions|strategies|offline|cli|simulator|bench|scripts)/',
        pathNot: '^functions/src/(contract/|calendar/|num/|store/paths\\.ts$)',
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { pathNot: '\\.d\\.ts$' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(functions/lib|functions/node_modules|\\.cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};

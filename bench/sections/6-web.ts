/**
 * The dashboard's weight: builds the page with its production config (into .cache/, leaving a
 * served web/dist alone) and prints each JavaScript chunk minified and gzipped (level 9, as a
 * CDN would serve it), grouped by part: the Firebase SDK (Firestore, Auth, Functions, core), uPlot, zod and
 * the app itself. Goal: under 250 KiB gzipped in all.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '../../scripts/lib/web-build';

/** Section heading printed by `npm run bench`. */
export const title = 'dashboard size (web/, JavaScript minified and gzipped)';

const GOAL_KIB = 250;
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'bench-web');

/** Chunk name prefix (web/vite.config.ts) → what it holds. */
const PARTS: [prefix: string, label: string][] = [
  ['firebase-firestore', 'Firebase SDK: Firestore'],
  ['firebase-auth', 'Firebase SDK: Auth'],
  ['firebase-functions', 'Firebase SDK: Functions'],
  ['firebase', 'Firebase SDK: app, util, idb'],
  ['uplot', 'uPlot (charts)'],
  ['zod', 'zod (contract schemas)'],
  ['index', 'app (web/src + contract)'],
];

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Builds the page and prints each part's weight and the total against the goal. */
export async function run(): Promise<void> {
  const files = await buildWeb({ quiet: true, outDir: OUT_DIR });
  const rows = files.map((file) => {
    const body = readFileSync(file.path);
    const part = PARTS.find(([prefix]) => file.name.startsWith(`${prefix}-`));
    return { label: part?.[1] ?? file.name, bytes: body.length, gz: gzipSync(body, { level: 9 }).length };
  });
  const total = rows.reduce((sum, r) => ({ bytes: sum.bytes + r.bytes, gz: sum.gz + r.gz }), {
    bytes: 0,
    gz: 0,
  });
  for (const row of rows) {
    const share = ((row.gz / total.gz) * 100).toFixed(0).padStart(3);
    console.log(
      `  ${row.label.padEnd(28)} ${kib(row.gz).padStart(10)} gz  ${share}%   (${kib(row.bytes)} min)`,
    );
  }
  const verdict = total.gz / 1024 < GOAL_KIB ? 'within' : 'OVER';
  console.log(
    `  ${'total'.padEnd(28)} ${kib(total.gz).padStart(10)} gz        (${kib(total.bytes)} min)  ${verdict} the goal of ${GOAL_KIB} KiB`,
  );
}

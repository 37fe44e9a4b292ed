/**
 * `npm run bench`: runs every section in bench/sections (in name order) and prints its figures.
 * Each section exports `title` and `run(): Promise<void>`, measures its own baseline in the same
 * run, and prints figures with ratios against it. `npm run bench -- NAME` runs the sections whose
 * file name contains NAME.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchSection {
  title: string;
  run: () => Promise<void>;
}

const sectionsDir = join(dirname(fileURLToPath(import.meta.url)), 'sections');
const filter = process.argv[2];
const files = readdirSync(sectionsDir)
  .filter((name) => name.endsWith('.ts') && (!filter || name.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error(`bench: no section matches ${filter ?? '(none in bench/sections)'}`);
  process.exit(1);
}

for (const file of files) {
  const section = (await import(pathToFileURL(join(sectionsDir, file)).href)) as BenchSection;
  console.log(`\n## ${section.title}`);
  await section.run();
}

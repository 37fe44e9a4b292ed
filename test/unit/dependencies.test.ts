import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * package.json hygiene: the Firebase packages are pinned once, in functions/package.json (what a
 * deploy installs), and the root follows it; every root dependency is imported somewhere or its
 * reason is in the README.
 */
const ROOT = join(import.meta.dirname, '..', '..');

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface Lockfile {
  packages: Record<string, { version?: string }>;
}
const json = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

const root = json<Manifest>('package.json');
const functions = json<Manifest>('functions/package.json');

describe('the Firebase packages', () => {
  const pinned = Object.keys(functions.dependencies);

  it('are what functions/package.json depends on', () => {
    expect(pinned.sort()).toEqual(['firebase-admin', 'firebase-functions']);
  });

  it.each(pinned)(
    '%s: the root asks for the same range and both lockfiles install the same version',
    (name) => {
      expect(root.dependencies[name]).toBe(functions.dependencies[name]);
      const installed = (lockfile: string) =>
        json<Lockfile>(lockfile).packages[`node_modules/${name}`]?.version;
      expect(installed('package-lock.json')).toBeDefined();
      expect(installed('package-lock.json')).toBe(installed('functions/package-lock.json'));
    },
  );
});

/** Every .ts/.js/.json source of the project outside node_modules, build output and fixtures. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return /^(node_modules|lib|\.cache|\.git|fixtures)$/.test(entry.name) ? [] : sources(path);
    }
    return /\.(ts|js|mjs|json)$/.test(entry.name) && !entry.name.endsWith('package-lock.json') ? [path] : [];
  });
}

describe('root dependencies', () => {
  const text = sources('.')
    .filter((path) => path !== 'package.json')
    .map((path) => readFileSync(join(ROOT, path), 'utf8'))
    .join('\n');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const reasons = readme.slice(readme.indexOf('### Dependencies with no import'));
  const names = [...Object.keys(root.dependencies), ...Object.keys(root.devDependencies ?? {})];

  it.each(names)('%s is imported, or the README says why it is there', (name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const imported = new RegExp(`(from |import\\(|require\\()['"]${escaped}(/[^'"]*)?['"]`).test(text);
    expect(
      imported || reasons.includes(`\`${name}\``),
      `${name}: no import and no reason in the README`,
    ).toBe(true);
  });
});

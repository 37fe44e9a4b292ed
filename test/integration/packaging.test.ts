/**
 * `firebase deploy --only functions` uploads functions/ minus its `ignore` list and runs a
 * production install there. This rebuilds that upload in a temporary folder, installs it with
 * `npm ci --omit=dev`, and loads lib/index.js: the bundle must need nothing the upload lacks.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const functionsDir = join(root, 'functions');

interface FirebaseJson {
  functions: { source: string; ignore: string[] }[];
}

function uploadedFiles(dir: string, ignore: string[]): string[] {
  const isIgnored = picomatch(ignore, { dot: true, basename: true });
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      const rel = relative(dir, path);
      if (isIgnored(rel) || isIgnored(entry.name)) continue;
      if (entry.isDirectory()) walk(path);
      else files.push(rel);
    }
  };
  walk(dir);
  return files;
}

describe('functions deploy package', () => {
  const staging = mkdtempSync(join(tmpdir(), 'gex-functions-upload-'));
  let files: string[] = [];

  beforeAll(() => {
    expect(existsSync(join(functionsDir, 'lib', 'index.js')), 'run the build first (npm test does)').toBe(
      true,
    );
    const config = JSON.parse(readFileSync(join(root, 'firebase.json'), 'utf8')) as FirebaseJson;
    const codebase = config.functions.find((entry) => entry.source === 'functions');
    files = uploadedFiles(functionsDir, codebase?.ignore ?? []);
    for (const file of files) cpSync(join(functionsDir, file), join(staging, file));
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: staging,
      stdio: 'pipe',
    });
  }, 240_000);

  afterAll(() => rmSync(staging, { recursive: true, force: true }));

  it('uploads the bundle, the manifest and the lockfile but no sources or local secrets', () => {
    expect(files).toContain('lib/index.js');
    expect(files).toContain('package.json');
    expect(files).toContain('package-lock.json');
    expect(files.filter((file) => file.startsWith('src/'))).toEqual([]);
    expect(files.filter((file) => /(^|\/)\.secret\.local$|\.env\.local$/.test(file))).toEqual([]);
  });

  it('requires only Node built-ins and the declared dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(staging, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const bundle = readFileSync(join(staging, 'lib', 'index.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((match) => match[1]!));
    const optional = new Set(['bufferutil', 'utf-8-validate']);
    const undeclared = [...required].filter((name) => {
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
      return (
        !name.startsWith('node:') &&
        !builtinModules.includes(pkg) &&
        !manifest.dependencies[pkg] &&
        !optional.has(pkg)
      );
    });
    expect(undeclared).toEqual([]);
  });

  it('loads lib/index.js on its own and exports the triggers', () => {
    const script = "const m = require('./lib/index.js'); console.log(JSON.stringify(Object.keys(m).sort()));";
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: staging,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GCLOUD_PROJECT: 'demo-gex-pulse',
        FIREBASE_CONFIG: '{"projectId":"demo-gex-pulse"}',
      },
    });
    const exported = JSON.parse(output.trim().split('\n').pop() ?? '[]') as string[];
    expect(exported).toEqual(
      expect.arrayContaining([
        'pulse',
        'health',
        'connectAlpaca',
        'disconnectAlpaca',
        'deleteUserAccountData',
        'syncAccounts',
        'rotateAccountKeys',
      ]),
    );
  });
});

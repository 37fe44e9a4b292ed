/**
 * Finds what the Firebase emulators need on a machine with no network:
 * - a Java 21+ runtime (firebase-tools 15 refuses older ones),
 * - the Firestore emulator jar from the `google-cloud-cli-firestore-emulator` Debian package,
 *   wrapped in a tiny jar whose manifest names the main class (the packaged jar has none).
 * Each finder fails with one clear message that says what is missing and how to get it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export class ToolchainError extends Error {
  override name = 'ToolchainError';
}

const MIN_JAVA = 21;
const FIRESTORE_MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const FIRESTORE_JAR_CANDIDATES = [
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
  '/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
  '/opt/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
];

export interface JavaHome {
  home: string;
  major: number;
}

/** Major version printed by `java -version` (on stderr), or null when it does not run. */
function javaMajor(javaBin: string): number | null {
  const run = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  return run.status === 0 ? parseJavaVersion(`${run.stderr}${run.stdout}`) : null;
}

/** `openjdk version "17.0.15"` → 17; `"1.8.0_412"` → 8. */
export function parseJavaVersion(text: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match?.[1]) return null;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/**
 * Java 21+: $JAVA_HOME first, then every JDK/JRE under /usr/lib/jvm (newest first), then `java` on PATH.
 * @throws ToolchainError when none is 21 or newer.
 */
export function findJava(env: NodeJS.ProcessEnv = process.env): JavaHome {
  const homes: string[] = [];
  if (env.JAVA_HOME) homes.push(env.JAVA_HOME);
  if (existsSync('/usr/lib/jvm')) {
    for (const name of readdirSync('/usr/lib/jvm')) homes.push(join('/usr/lib/jvm', name));
  }
  const seen: string[] = [];
  let best: JavaHome | null = null;
  for (const home of homes) {
    const bin = join(home, 'bin', 'java');
    if (!existsSync(bin)) continue;
    const major = javaMajor(bin);
    if (major === null) continue;
    seen.push(`${home} (${major})`);
    if (major >= MIN_JAVA && (!best || major > best.major)) best = { home, major };
  }
  if (!best) {
    try {
      const onPath = execFileSync('sh', ['-c', 'readlink -f "$(command -v java)"'], {
        encoding: 'utf8',
      }).trim();
      const major = onPath ? javaMajor(onPath) : null;
      if (onPath && major !== null) {
        seen.push(`${onPath} (${major})`);
        if (major >= MIN_JAVA) best = { home: dirname(dirname(onPath)), major };
      }
    } catch {
      // no java on PATH
    }
  }
  if (best) return best;
  throw new ToolchainError(
    `Java ${MIN_JAVA}+ is required by the Firestore emulator (firebase-tools 15) and none was found` +
      (seen.length ? `; found only: ${seen.join(', ')}` : '') +
      `. Install a JDK ${MIN_JAVA}+ (for example under /usr/lib/jvm) or set JAVA_HOME to one.`,
  );
}

/**
 * Path of a runnable Firestore emulator jar: $FIRESTORE_EMULATOR_BINARY_PATH when set, else a
 * wrapper jar (built once into cacheDir) whose manifest points at the Debian package's jar.
 * @throws ToolchainError when the packaged jar is not installed.
 */
export function prepareFirestoreJar(
  options: { javaHome: string; cacheDir: string },
  env = process.env,
): string {
  if (env.FIRESTORE_EMULATOR_BINARY_PATH) return env.FIRESTORE_EMULATOR_BINARY_PATH;
  const packaged = FIRESTORE_JAR_CANDIDATES.find((path) => existsSync(path)) ?? findPackagedJarWithDpkg();
  if (!packaged) {
    throw new ToolchainError(
      'The Firestore emulator jar was not found (it cannot be downloaded offline). Install the Debian ' +
        'package google-cloud-cli-firestore-emulator, or set FIRESTORE_EMULATOR_BINARY_PATH to a runnable jar.',
    );
  }
  const wrapper = resolve(options.cacheDir, 'firestore-emulator-launcher.jar');
  if (existsSync(wrapper)) return wrapper;
  mkdirSync(options.cacheDir, { recursive: true });
  const manifest = join(options.cacheDir, 'firestore-manifest.txt');
  // Class-Path entries are URLs relative to the wrapper jar; an absolute file: URL avoids that.
  writeFileSync(manifest, `Main-Class: ${FIRESTORE_MAIN_CLASS}\nClass-Path: file:${packaged}\n`);
  const jarTool = join(options.javaHome, 'bin', 'jar');
  if (!existsSync(jarTool)) {
    throw new ToolchainError(
      `${options.javaHome} has no bin/jar; a full JDK ${MIN_JAVA}+ is needed to build the launcher.`,
    );
  }
  execFileSync(jarTool, ['--create', '--file', wrapper, '--manifest', manifest], { stdio: 'inherit' });
  return wrapper;
}

function findPackagedJarWithDpkg(): string | undefined {
  try {
    const listing = execFileSync('dpkg', ['-L', 'google-cloud-cli-firestore-emulator'], { encoding: 'utf8' });
    return listing.split('\n').find((line) => line.endsWith('/cloud-firestore-emulator.jar'));
  } catch {
    return undefined;
  }
}

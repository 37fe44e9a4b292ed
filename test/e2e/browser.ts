import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/**
 * Headless Chromium for the end-to-end tests: Debian's `chromium` package (no browser download),
 * driven by playwright-core. `CHROMIUM_PATH` overrides the binary.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go: test-results/ (gitignored; CI keeps it as an artifact). */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** @throws Error naming the package to install when Chromium is missing. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  } catch (error) {
    throw new Error(
      `Chromium did not start from ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH): ${
        error instanceof Error ? error.message : String(error)
      }`,
      { cause: error },
    );
  }
}

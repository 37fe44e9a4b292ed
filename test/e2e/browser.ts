import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { clearFirestore, sim } from '../integration/pulse/harness';

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

/** A desktop-sized dashboard tab shared by the tests of one describe block. */
export interface DashboardTab {
  /** The tab (there once the block's set-up has run). */
  readonly page: Page;
  /** The errors the page has thrown, in order. */
  readonly pageErrors: string[];
  /** Saves a full-page screenshot as test-results/NAME.png. */
  readonly shoot: (name: string) => Promise<Buffer>;
}

/**
 * Registers the describe block's set-up and tear-down: Firestore cleared and the simulator's clock
 * set to `openAt`, then Chromium with one desktop tab that records page errors; afterwards the
 * browser closed and the simulator reset.
 */
export function openDashboardTab(openAt: string): DashboardTab {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    await clearFirestore();
    await sim.reset(openAt);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await sim.reset();
  });
  const tab = {
    get page(): Page {
      if (!page) throw new Error('the dashboard tab is opened in beforeAll');
      return page;
    },
    pageErrors,
    shoot: (name: string) => tab.page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true }),
  };
  return tab;
}

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { StrategyDocument } from '../../functions/src/contract/strategy-state';
import { DASHBOARD_URL } from '../../scripts/lib/web-build';
import { formatFraction } from '../../web/src/view/strategies-view';
import { adminDb, minute, sim, triggerPulse } from '../integration/pulse/harness';
import { openDashboardTab, RESULTS_DIR, VIEWPORTS } from './browser';

/**
 * The Strategies panel and the kill switch in real headless Chromium: the page's user connects
 * the simulator's account, configures a strategy with the page's form, real pulses write the regime, the runner
 * (`runStrategies`, Functions emulator) decides, and the kill switch goes through `setKillSwitch`.
 */
const OPEN = '2025-05-16T14:30:00Z'; // a Friday, 10:30 New York
const LATER = '2025-05-16T14:45:00Z';
const UPDATE_WITHIN_MS = 5_000;

describe('strategies panel and kill switch (Chromium, every emulator, simulator)', () => {
  const db = adminDb();
  const tab = openDashboardTab(OPEN);
  const { pageErrors } = tab;
  let page: Page;
  let uid = '';
  const card = () => page.locator('[data-strategy="spy-hedge"]');
  const strategy = async () =>
    StrategyDocument.parse((await db.doc(`users/${uid}/strategies/spy-hedge`).get()).data());
  const killSwitch = async () =>
    (await db.doc(`users/${uid}/settings/trading`).get()).get('kill_switch') as unknown;

  beforeAll(() => {
    page = tab.page;
  });

  it('connected, it says there are no strategies, then shows a configured one before it has run', async () => {
    await page.goto(DASHBOARD_URL);
    await expect
      .poll(() => page.locator('[data-testid="connection-title"]').textContent(), { timeout: 20_000 })
      .toBe('Not connected');
    uid = await page.evaluate(() => document.querySelector<HTMLElement>('#account')?.dataset.uid ?? '');
    await page.locator('#alpaca-key-id').fill('SIMULATOR_KEY');
    await page.locator('#alpaca-secret').fill('SIMULATOR_SECRET');
    await page.locator('#connect-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('[data-testid="connection-title"]').textContent(), { timeout: 20_000 })
      .toBe('Connected · paper');
    await expect.poll(() => page.locator('[data-testid="no-strategies"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="kill-state"]').textContent()).toContain('Off');
    // Created through the page's form: the owner's own write, under the rules.
    const message = () => page.locator('[data-testid="strategy-form-message"]').textContent();
    await page.locator('#strategy-id').fill('spy-hedge');
    await page.locator('#strategy-hedge_threshold_positive').fill('5');
    await page.locator('#strategy-form button[type="submit"]').click();
    expect(await message()).toBe('Hedge threshold, positive GEX: enter a number from 0.01 to 1.');
    expect((await db.doc(`users/${uid}/strategies/spy-hedge`).get()).exists).toBe(false);
    await page.locator('#strategy-hedge_threshold_positive').fill('');
    await page.locator('#strategy-form button[type="submit"]').click();
    await expect.poll(message, { timeout: UPDATE_WITHIN_MS }).toBe('Saved spy-hedge.');
    expect((await db.doc(`users/${uid}/strategies/spy-hedge`).get()).data()).toEqual({
      enabled: true,
      mode: 'off',
      kind: 'gamma_scalper',
      symbol: 'SPY',
    });
    await expect.poll(() => card().count(), { timeout: UPDATE_WITHIN_MS }).toBe(1);
    expect(await card().locator('[data-testid="strategy-mode"]').textContent()).toBe(
      'Mode: Off: decisions only, no orders',
    );
    expect(await card().locator('[data-testid="strategy-status"]').textContent()).toContain('Not run yet');
  });

  it('edits a strategy from its card: the form holds its settings, and an emptied number goes back to its default', async () => {
    await page.locator('#strategy-new').click();
    await card().getByRole('button', { name: 'Edit spy-hedge' }).click();
    expect(await page.locator('#strategy-id').inputValue()).toBe('spy-hedge');
    expect(await page.locator('#strategy-id').getAttribute('readonly')).not.toBeNull();
    await page.locator('#strategy-max_orders_per_day').fill('3');
    await page.locator('#strategy-form button[type="submit"]').click();
    await expect
      .poll(async () => (await strategy()).max_orders_per_day, { timeout: UPDATE_WITHIN_MS })
      .toBe(3);
    await page.locator('#strategy-max_orders_per_day').fill('');
    await page.locator('#strategy-form button[type="submit"]').click();
    await expect
      .poll(
        async () =>
          'max_orders_per_day' in ((await db.doc(`users/${uid}/strategies/spy-hedge`).get()).data() ?? {}),
        {
          timeout: UPDATE_WITHIN_MS,
        },
      )
      .toBe(false);
    expect((await strategy()).mode).toBe('off');
  });

  it('shows the threshold, sizing and last decisions once pulses have run it', async () => {
    // Minutes no other e2e file uses: the sync's task ids derive from the pulse minute, and the
    // Cloud Tasks emulator refuses an id it has seen (account.test.ts pulses at now + 2).
    const t = minute(new Date(), 4);
    expect(await triggerPulse(t)).toBe(200);
    await expect
      .poll(async () => (await db.doc(`users/${uid}/data/snapshot`).get()).get('as_of') as unknown, {
        timeout: 30_000,
      })
      .toBe(t.toISOString());
    await sim.setClock(LATER); // new market data: the regime's as_of moves, so the runner runs again
    expect(await triggerPulse(minute(t, 1))).toBe(200);
    await expect.poll(async () => (await strategy()).state?.status, { timeout: 30_000 }).toBe('evaluated');
    const state = (await strategy()).state!;
    const figure = (key: string) => card().locator(`[data-strategy-figure="${key}"] .value`).textContent();
    await expect
      .poll(() => figure('hedge_threshold'), { timeout: UPDATE_WITHIN_MS })
      .toBe(state.hedge_threshold);
    expect(await figure('allocation')).toBe(formatFraction(state.allocation));
    expect(await figure('regime')).toContain(`${state.gex_regime} GEX`);
    expect(await card().locator('[data-testid="strategy-status"]').textContent()).toMatch(/^Evaluated /);
    await expect.poll(() => card().locator('[data-testid="decisions"] tbody tr').count()).toBeGreaterThan(0);
    expect(await card().locator('[data-testid="decisions"] tbody tr').first().textContent()).toContain(
      'Decision only',
    );
    await page.locator('#account').screenshot({ path: join(RESULTS_DIR, 'account-strategies.png') });
  });

  it('the kill switch turns on and off from the keyboard through setKillSwitch', async () => {
    const button = page.locator('#kill-switch');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(killSwitch, { timeout: 20_000 }).toBe(true);
    await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: UPDATE_WITHIN_MS }).toBe('true');
    expect(await page.locator('[data-testid="kill-state"]').textContent()).toContain('ON');
    expect(await button.textContent()).toBe('Turn kill switch off');
    await page.setViewportSize(VIEWPORTS.phone);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await page.locator('#account').screenshot({ path: join(RESULTS_DIR, 'account-kill-switch-phone.png') });
    await page.setViewportSize(VIEWPORTS.desktop);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(killSwitch, { timeout: 20_000 }).toBe(false);
    await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: UPDATE_WITHIN_MS }).toBe('false');
    expect(pageErrors).toEqual([]);
  });
});

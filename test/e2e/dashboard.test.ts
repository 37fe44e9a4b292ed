import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MarketRegimeDocument, symbolRegimeOf } from '../../functions/src/contract/regime';
import { DASHBOARD_URL } from '../../scripts/lib/web-build';
import { formatMoneyCompact, formatPrice } from '../../web/src/view/format';
import { adminDb, minute, sim, triggerPulse } from '../integration/pulse/harness';
import { openDashboardTab, RESULTS_DIR, VIEWPORTS } from './browser';

/**
 * The dashboard in real headless Chromium, served by the Hosting emulator, reading the Firestore
 * and Auth emulators that real pulses (Functions emulator + Alpaca simulator) write.
 */
const OPEN = '2025-05-16T14:30:00Z'; // a Friday, 10:30 New York
const LATER = '2025-05-16T14:45:00Z'; // same session, the simulated market has moved
const SATURDAY = '2025-05-17T15:00:00Z';
const UPDATE_WITHIN_MS = 5_000;

describe('dashboard (Chromium, Hosting + Firestore + Auth + Functions emulators, simulator)', () => {
  const db = adminDb();
  const t0 = minute(new Date(), 0);
  const tab = openDashboardTab(OPEN);
  const { pageErrors, shoot } = tab;
  let page: Page;

  async function regime() {
    return MarketRegimeDocument.parse((await db.doc('systemStatus/market_regime').get()).data());
  }
  const spyFigure = (key: string) => page.locator(`[data-symbol="spy"] [data-figure="${key}"] .value`);

  beforeAll(() => {
    page = tab.page;
  });

  it('says there is no regime yet before the first pulse', async () => {
    await page.goto(DASHBOARD_URL);
    // the first load signs in and opens the listeners: allow it more than an update
    await expect
      .poll(() => page.locator('#symbols .empty').textContent(), { timeout: 20_000 })
      .toContain('No regime yet');
    expect(await page.locator('#status').textContent()).toContain('Signed in (anonymous)');
    expect(pageErrors).toEqual([]);
  });

  it('renders the first pulse live: the regime, its figures and the three charts', async () => {
    expect(await triggerPulse(t0)).toBe(200);
    const spy = symbolRegimeOf(await regime(), 'spy')!;
    await expect
      .poll(() => spyFigure('net_gex').textContent(), { timeout: UPDATE_WITHIN_MS })
      .toBe(formatMoneyCompact(spy.net_gex));
    expect(await spyFigure('spot').textContent()).toBe(formatPrice(spy.spot_price));
    expect(await spyFigure('call_wall').textContent()).toBe(formatPrice(spy.call_wall));
    const badge = page.locator('[data-symbol="spy"] [data-testid="regime-badge"]');
    expect(await badge.textContent()).toBe(
      spy.gex_regime === 'NEGATIVE' ? '▼ NEGATIVE GEX' : '▲ POSITIVE GEX',
    );
    await expect.poll(() => page.locator('[data-symbol="qqq"] [data-testid="regime-badge"]').count()).toBe(1);
    expect(await page.locator('[data-symbol="spy"] [data-expiry="0DTE"] td').first().textContent()).toBe(
      spy.by_expiry.zero_dte.expiry,
    );
    for (const key of ['spy', 'qqq']) {
      for (const chart of ['strikes', 'curve', 'history']) {
        await expect
          .poll(() => page.locator(`[data-symbol="${key}"] .chart-${chart} canvas`).count())
          .toBe(1);
      }
    }
    const key = page.locator('[data-symbol="spy"] .chart-strikes .chart-key');
    expect(await key.textContent()).toContain(`Spot ${formatPrice(spy.spot_price)}`);
    expect(await page.locator('[data-banner]').count()).toBe(0);
    expect(await page.locator('#symbols .empty').count()).toBe(0);
    // keyboard: the skip link first, then the symbol links, and following one moves focus there
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to the symbols');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^SPY [▲▼]$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#symbol-spy');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      history.replaceState(null, '', '/');
      window.scrollTo(0, 0);
    });
    await shoot('dashboard-desktop');
    // a small one for the README (docs/dashboard.png is a copy of it): the SPY section
    await page.locator('[data-symbol="spy"]').screenshot({ path: join(RESULTS_DIR, 'dashboard-readme.png') });
    await page.setViewportSize(VIEWPORTS.phone);
    // nothing wider than the phone: no sideways scrolling of the page
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await shoot('dashboard-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  });

  it('shows the numbers of a new pulse within seconds, without a reload', async () => {
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const before = symbolRegimeOf(await regime(), 'spy')!;
    await sim.setClock(LATER);
    expect(await triggerPulse(minute(t0, 1))).toBe(200);
    const after = symbolRegimeOf(await regime(), 'spy')!;
    expect(after.as_of).not.toBe(before.as_of);
    expect(after.net_gex).not.toBe(before.net_gex);

    const written = Date.now();
    await expect
      .poll(() => page.locator('[data-symbol="spy"] .updated').textContent(), { timeout: UPDATE_WITHIN_MS })
      .toContain('Market data 10:45:00 ET');
    expect(Date.now() - written).toBeLessThan(UPDATE_WITHIN_MS);
    expect(await spyFigure('net_gex').textContent()).toBe(formatMoneyCompact(after.net_gex));
    expect(await spyFigure('spot').textContent()).toBe(formatPrice(after.spot_price));
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('shows a failed symbol with its error, and marks it stale', async () => {
    await sim.setFaults([{ kind: 'status', status: 503, endpoint: '/v1beta1/options/snapshots/QQQ' }]);
    expect(await triggerPulse(minute(t0, 2))).toBe(200);
    const qqq = symbolRegimeOf(await regime(), 'qqq')!;
    expect(qqq.error).not.toBeNull();

    const banner = page.locator('[data-banner="symbol-failed:qqq"]');
    await expect.poll(() => banner.count(), { timeout: UPDATE_WITHIN_MS }).toBe(1);
    expect(await banner.textContent()).toContain('QQQ failed to refresh');
    expect(await banner.textContent()).toContain(qqq.error!);
    expect(await page.locator('[data-symbol="qqq"] [data-testid="stale-tag"]').count()).toBe(1);
    expect(await page.locator('[data-banner="symbol-failed:spy"]').count()).toBe(0);
    await shoot('dashboard-symbol-failed');
  });

  it('shows a stale document when no symbol could be refreshed', async () => {
    await sim.setFaults([{ kind: 'status', status: 500 }]);
    expect(await triggerPulse(minute(t0, 3))).toBe(200);
    expect((await regime()).stale).toBe(true);

    await expect
      .poll(() => page.locator('[data-banner="stale"]').count(), { timeout: UPDATE_WITHIN_MS })
      .toBe(1);
    expect(await page.locator('[data-banner="stale"]').textContent()).toContain(
      'no symbol could be refreshed',
    );
    expect(await page.locator('[data-banner="pulse-error"]').count()).toBe(1);
    await page.setViewportSize(VIEWPORTS.phone);
    await shoot('dashboard-stale-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  });

  it('says when the market is closed, and recovers from the failures', async () => {
    await sim.reset(SATURDAY);
    expect(await triggerPulse(minute(t0, 4))).toBe(200);
    expect((await regime()).market_open).toBe(false);

    const closed = page.locator('[data-banner="market-closed"]');
    await expect.poll(() => closed.count(), { timeout: UPDATE_WITHIN_MS }).toBe(1);
    expect(await closed.textContent()).toContain('Next open Mon, May 19, 09:30 ET');
    await expect.poll(() => page.locator('[data-banner="stale"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

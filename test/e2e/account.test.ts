import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccountSnapshotDocument } from '../../functions/src/contract/account-snapshot';
import { DASHBOARD_URL } from '../../scripts/lib/web-build';
import { formatUsd } from '../../web/src/view/format';
import { adminDb, minute, sim, triggerPulse } from '../integration/pulse/harness';
import { openDashboardTab, VIEWPORTS } from './browser';

/**
 * The signed-in account area in real headless Chromium: the page's own (anonymous) user connects
 * Alpaca through the `connectAlpaca` callable (Functions emulator, checked against the simulator),
 * a pulse's sync writes the snapshot, and `disconnectAlpaca` clears it.
 */
const OPEN = '2025-05-16T14:30:00Z'; // a Friday, 10:30 New York
const GOOD = { keyId: 'SIMULATOR_KEY', secret: 'SIMULATOR_SECRET' };
const BAD_SECRET = 'wrong-secret-e2e-7f3a';
const UPDATE_WITHIN_MS = 5_000;

describe('account area (Chromium, Hosting + Auth + Firestore + Functions + Cloud Tasks emulators)', () => {
  const db = adminDb();
  const tab = openDashboardTab(OPEN);
  const { pageErrors, shoot } = tab;
  let page: Page;
  let uid = '';
  const connectionTitle = () => page.locator('[data-testid="connection-title"]').textContent();
  const message = () => page.locator('[data-testid="connect-message"]').textContent();
  const figure = (key: string) => page.locator(`[data-account-figure="${key}"] .value`).textContent();

  /** Every trace of a secret the page could hold: markup, input values, stored text. */
  async function pageHolds(secret: string): Promise<boolean> {
    return page.evaluate(
      (s) =>
        document.documentElement.outerHTML.includes(s) ||
        [...document.querySelectorAll('input')].some((input) => input.value.includes(s)) ||
        JSON.stringify({ ...localStorage, ...sessionStorage }).includes(s),
      secret,
    );
  }

  /** Fills the form with the keyboard only: key ID, Tab, secret, Enter. */
  async function submitKeys(keyId: string, secret: string): Promise<void> {
    await page.locator('#alpaca-key-id').focus();
    await page.keyboard.type(keyId);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('alpaca-secret');
    await page.keyboard.type(secret);
    await page.keyboard.press('Enter');
  }

  beforeAll(() => {
    page = tab.page;
  });

  it('signs in and shows the account area, not connected, with a labelled form', async () => {
    await page.goto(DASHBOARD_URL);
    await expect.poll(connectionTitle, { timeout: 20_000 }).toBe('Not connected');
    expect(await page.locator('#account').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="account-user"]').textContent()).toContain(
      'Signed in anonymously',
    );
    uid = await page.evaluate(() => document.querySelector<HTMLElement>('#account')?.dataset.uid ?? '');
    expect(uid).not.toBe('');
    expect(await page.locator('label[for="alpaca-key-id"]').textContent()).toBe('API key ID');
    expect(await page.locator('#alpaca-secret').getAttribute('type')).toBe('password');
    expect(await page.locator('#alpaca-paper').isChecked()).toBe(true);
    expect(await page.locator('#disconnect').isVisible()).toBe(false);
  });

  it('bad keys: the permission-denied message, nothing stored, the secret field emptied', async () => {
    await submitKeys(GOOD.keyId, BAD_SECRET);
    await expect.poll(message, { timeout: 20_000 }).toContain('Alpaca refused these keys');
    expect(await page.locator('[data-testid="connect-message"]').getAttribute('role')).toBe('alert');
    expect(await page.locator('#alpaca-secret').inputValue()).toBe('');
    expect(await pageHolds(BAD_SECRET)).toBe(false);
    expect((await db.doc(`users/${uid}`).get()).exists).toBe(false);
    expect((await db.doc(`users/${uid}/private/alpaca`).get()).exists).toBe(false);
    expect(await connectionTitle()).toBe('Not connected');
    await shoot('account-bad-keys');
  });

  it('good paper keys: busy while Alpaca checks them, then connected, never echoing the secret', async () => {
    await page.locator('#alpaca-key-id').fill('');
    await sim.setLatency(1_500); // long enough to see the loading state
    await submitKeys(GOOD.keyId, GOOD.secret);
    await expect
      .poll(() => page.locator('#connect-form button[type="submit"]').textContent())
      .toBe('Connecting…');
    expect(await page.locator('#connect-form button[type="submit"]').isDisabled()).toBe(true);
    expect(await page.locator('#alpaca-key-id').isDisabled()).toBe(true);
    await expect.poll(connectionTitle, { timeout: 20_000 }).toBe('Connected · paper');
    await sim.setLatency(0);
    const connection = (await db.doc(`users/${uid}`).get()).data();
    expect(connection).toMatchObject({ connected: true, paper: true, status: 'active' });
    expect(await page.locator('[data-testid="connection"]').textContent()).toContain(
      `Account ${String(connection?.account_number_masked)}`,
    );
    expect(await page.locator('#connect-form').isVisible()).toBe(false);
    expect(await page.locator('#disconnect').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="snapshot"]').textContent()).toContain(
      'Waiting for the first sync',
    );
    expect(await pageHolds(GOOD.secret)).toBe(false);
  });

  it('shows the synced balances and positions once a pulse has synced the account', async () => {
    const t = minute(new Date(), 2); // a sync task's deadline runs from its pulse minute: use a coming one
    expect(await triggerPulse(t)).toBe(200);
    await expect
      .poll(async () => (await db.doc(`users/${uid}/data/snapshot`).get()).get('as_of') as unknown, {
        timeout: 30_000,
      })
      .toBe(t.toISOString());
    const snapshot = AccountSnapshotDocument.parse((await db.doc(`users/${uid}/data/snapshot`).get()).data());
    await expect
      .poll(() => figure('equity'), { timeout: UPDATE_WITHIN_MS })
      .toBe(formatUsd(snapshot.account?.equity));
    expect(await figure('buying_power')).toBe(formatUsd(snapshot.account?.buying_power));
    expect(await figure('cash')).toBe(formatUsd(snapshot.account?.cash));
    const positions = snapshot.positions ?? [];
    expect(positions.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="positions"] tbody tr').count()).toBe(positions.length);
    const option = positions.find((p) => p.option)!;
    expect(
      await page.locator(`[data-position="${option.symbol}"] [data-col="instrument"]`).textContent(),
    ).toContain(`${option.option!.underlying} ${option.option!.type}`);
    expect(await page.locator('[data-testid="synced-at"]').textContent()).toMatch(/^Synced /);
    expect(await pageHolds(GOOD.secret)).toBe(false);
    await page.locator('#account').scrollIntoViewIfNeeded();
    await shoot('account-connected-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await shoot('account-connected-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  });

  it('disconnect deletes the snapshot and offers the form again', async () => {
    await page.locator('#disconnect').focus();
    await page.keyboard.press('Enter');
    await expect.poll(connectionTitle, { timeout: 20_000 }).toBe('Disconnected');
    await expect
      .poll(message)
      .toContain('Disconnected: the stored keys and the account snapshot are deleted');
    expect(await page.locator('[data-testid="snapshot"]').isVisible()).toBe(false);
    expect(await page.locator('[data-account-figure]').count()).toBe(0);
    expect(await page.locator('#connect-form').isVisible()).toBe(true);
    expect((await db.doc(`users/${uid}/data/snapshot`).get()).exists).toBe(false);
    expect((await db.doc(`users/${uid}/private/alpaca`).get()).exists).toBe(false);
    expect((await db.doc(`users/${uid}`).get()).data()).toMatchObject({
      connected: false,
      status: 'disconnected',
    });
    expect(pageErrors).toEqual([]);
  });
});

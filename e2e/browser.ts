import path from 'node:path';
import { chromium, type Browser, type Locator, type Page, type Request } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Demo-Jiaozuo-2021';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

export async function newPage(browser: Browser, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject('baseURL'), locale, viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-org').waitFor();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(inject('screenshotDir'), `${name}.png`), fullPage: true });
}

/** A screenshot once antd's dialogs, masks and messages have stopped moving (a half-faded dialog reads as a broken page). */
export async function shot(page: Page, name: string) {
  await page
    .waitForFunction(() => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  await screenshot(page, name);
}

/** A GET through the page's session that must answer 200. */
export async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** Picks an option of an antd Select by its text. */
export async function pick(page: Page, select: Locator, label: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** What formatYuan shows: ¥1,234.50 */
export const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/**
 * Waits until an element (a dialog, a drawer) is visible and its opening animations have ended: a
 * click on a dialog's button while it still zooms in can land before the button is where it is drawn
 * (seen on a loaded machine: the click sent nothing). Endless animations (a spinner) are not waited for.
 */
export async function settled(locator: Locator): Promise<Locator> {
  await locator.waitFor();
  await locator.evaluate((el) =>
    Promise.all(
      el
        .getAnimations({ subtree: true })
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  return locator;
}

/**
 * Clicks a dialog's button that should send a request, and waits until it is sent. On a heavily
 * loaded machine a click on a freshly opened antd dialog was seen to do nothing now and then (the
 * dialog stayed open and sent nothing, in CI only); a person clicks again, and so does this, at most
 * twice more and only while nothing has been sent, so that nothing can be sent twice.
 */
export async function clickUntilSent(page: Page, button: Locator, isTheRequest: (r: Request) => boolean, timeoutMs = 30_000): Promise<Request> {
  const sent = page.waitForRequest(isTheRequest, { timeout: timeoutMs });
  sent.catch(() => undefined);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await button.click();
    const request = await Promise.race([sent, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    if (request) return request;
    if (!(await button.isVisible()) || !(await button.isEnabled())) break;
    console.warn(`e2e: a click on ${button} sent nothing within 5 s (attempt ${attempt}); clicking again`);
  }
  return sent;
}

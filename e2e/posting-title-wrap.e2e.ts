import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getJson, launchBrowser, newPage, shot, signIn } from './browser.js';

/** A posting title with no place to break (a model number, no spaces or hyphens) stays inside its column of the staff list. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the postings list', () => {
  it('wraps a title with no place to break inside its column instead of running over the enterprise', async () => {
    const page = await newPage(browser);
    await signIn(page, 'hr.demo');
    const { csrfToken } = await getJson<{ csrfToken: string }>(page, '/api/auth/me');
    const enterprise = (await getJson<{ items: Array<{ id: string; regionCode: string }> }>(page, '/api/enterprises')).items[0];
    const validUntil = new Date(Date.now() + 8 * 3600_000 + 30 * 86400_000).toISOString().slice(0, 10);
    const title = `SMTAOIVISIONINSPECTIONENGINEER${Date.now() % 100000}`;
    const created = await page.request.post('/api/job-postings', {
      headers: { 'x-csrf-token': csrfToken },
      data: { enterpriseId: enterprise.id, title, category: 'it', openings: 1, salaryMinFen: 500_000, salaryMaxFen: 800_000, education: 'college', experience: 'none', regionCode: enterprise.regionCode, description: '设备视觉检测。', contactName: '赵先生', contactPhone: '0391-6215180', validUntil },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto('/job-postings');
    const link = page.locator(`[data-testid="posting-link"][data-posting-id="${id}"]`);
    await link.waitFor();
    const cell = link.locator('xpath=ancestor::td[1]');
    const [linkBox, cellBox] = [await link.boundingBox(), await cell.boundingBox()];
    await shot(page, 'postings-unbroken-title');
    expect(linkBox!.x + linkBox!.width).toBeLessThanOrEqual(cellBox!.x + cellBox!.width);
  });
});

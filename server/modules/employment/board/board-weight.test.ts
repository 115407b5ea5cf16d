import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOfficerAtRoot, makeEnterprise } from '../../../test-support/enterprise-fixtures.js';
import { samplePosting } from '../../../test-support/job-posting-fixtures.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';

/**
 * The bound: the board's first page weighs under 200 KB over the wire on a phone. Measured in
 * Chromium at 390×844: the sum of every request's transfer (headers and body as sent) for the first
 * load of /jobs with a full first page of long postings (docs/decisions/017-public-job-board.md).
 */
const FIRST_PAGE_LIMIT = 200 * 1024;
const SCREENSHOT_DIR = path.resolve('screenshots');

let t: TestApp;
let browser: Browser;
let baseURL: string;
let unbrokenId: string;

beforeAll(async () => {
  t = await createTestApp();
  const officer = await jobsOfficerAtRoot(t);
  const enterprise = await makeEnterprise(t, 'D', { name: '焦作市中站区恒通机械制造有限责任公司', priorityPledge: true });
  const long = '岗位职责：负责车间设备的日常操作与维护，按图纸完成零部件加工，做好交接班记录。任职要求：持有相关职业资格证书，吃苦耐劳，服从安排。'.repeat(8);
  for (let i = 0; i < 25; i++) {
    const res = await officer.post('/api/job-postings', samplePosting(t, enterprise, { title: `高级数控车床操作工（${i + 1}号车间长白班）`, description: long, submit: true, kind: i % 5 === 0 ? 'public_interest' : 'regular' }));
    await officer.post(`/api/job-postings/${res.json().id}/approve`, {});
  }
  // A title and a description with no place to break: a model number, a pasted link.
  const unbroken = await officer.post('/api/job-postings', samplePosting(t, enterprise, { title: 'SMT-AOI-VISIONINSPECTIONENGINEERLEVEL3', description: `https://example.com/${'a'.repeat(300)}`, category: 'it', submit: true }));
  unbrokenId = unbroken.json().id;
  await officer.post(`/api/job-postings/${unbrokenId}/approve`, {});
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('the board’s first page on a phone', () => {
  it('loads /jobs at 390×844 in under 200 KB over the wire, fitting the screen’s width', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const transfers: Array<{ url: string; bytes: number }> = [];
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      transfers.push({ url: request.url(), bytes: sizes.requestHeadersSize + sizes.requestBodySize + sizes.responseHeadersSize + sizes.responseBodySize });
    });
    await page.goto(`${baseURL}/jobs`, { waitUntil: 'networkidle' });
    await expect.poll(() => transfers.some((r) => r.url.endsWith('/jobs'))).toBe(true);
    const total = transfers.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`first load of /jobs: ${transfers.length} requests, ${total} bytes`, transfers);
    expect(total).toBeLessThan(FIRST_PAGE_LIMIT);
    expect(await page.getByTestId('board-item').count()).toBe(20);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'job-board-phone.png') });

    await page.getByTestId('board-search-input').fill('数控');
    await page.getByTestId('board-search-submit').click();
    await page.waitForURL(/q=/);
    await page.getByTestId('board-item').first().click();
    await page.getByTestId('job-detail').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'job-board-phone-posting.png'), fullPage: true });
    await context.close();
  });

  it('a title or description with no place to break wraps on the phone: no sideways scrolling, the salary in sight', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    for (const url of [`${baseURL}/jobs?category=it`, `${baseURL}/jobs/${unbrokenId}`]) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
      const pay = await page.locator('.pay').first().boundingBox();
      expect(pay!.x + pay!.width, url).toBeLessThanOrEqual(390);
    }
    await context.close();
  });
});

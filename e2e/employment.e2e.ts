import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { JIAOZUO_COUNTIES, makeCnId } from '../contracts/cn-ids.js';
import { clickUntilSent, getJson, launchBrowser, newPage, pick, screenshot, settled, shot, signIn } from './browser.js';

/**
 * One placement and one question through the pages, in Chinese: an enterprise's HR contact posts a job
 * and a jobs officer approves it; a visitor finds it on the phone-sized public board; a job seeker
 * matched to it is referred and placed; a worker asks a question on the public form and the union
 * answers it, and the worker reads the answer by the ticket number.
 */

let browser: Browser;
const pages: Page[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

let failed = false;
beforeEach((ctx) => {
  if (failed) ctx.skip();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  failed = true;
  for (const [i, page] of pages.entries()) if (!page.isClosed()) await screenshot(page, `employment-failed-${i}`).catch(() => undefined);
});

async function as(username: string) {
  const page = await newPage(browser);
  pages.push(page);
  await signIn(page, username);
  return page;
}

/** A visitor with a phone: no session, 390×844. */
async function phone() {
  const context = await browser.newContext({ baseURL: inject('baseURL'), locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  pages.push(page);
  return page;
}

const run = Date.now() % 100000;
const TITLE = `数控电焊工（浏览器测试${run}）`;
const SEEKER = '焦志远';
const PHONE = '13839100000'.slice(0, 7) + String(1000 + (run % 9000));

const state = { postingId: '', seekerId: '', ticketNo: '' };

describe('employment services, walked through', () => {
  it('an enterprise’s HR contact posts a job and submits it for review', async () => {
    const hr = await as('hr.demo');
    await hr.goto('/job-postings/new');
    await hr.getByTestId('posting-title').fill(TITLE);
    await pick(hr, hr.getByTestId('posting-category'), '技术工种');
    await hr.getByTestId('posting-openings').fill('3');
    await hr.getByTestId('posting-salary-min').fill('5500');
    await hr.getByTestId('posting-salary-max').fill('7500');
    await hr.getByTestId('posting-description').fill('负责井下及地面设备的电焊维修，持焊工证，能适应倒班。缴纳五险一金，提供食宿。');
    await shot(hr, 'employment-01-posting-form');
    await hr.getByTestId('posting-submit').click();
    await hr.waitForURL(/\/job-postings\/[0-9a-f-]{36}$/);
    state.postingId = hr.url().match(/job-postings\/([0-9a-f-]{36})/)![1];
    await expect.poll(async () => hr.getByTestId('posting-status').textContent()).toContain('待审核');
    await shot(hr, 'employment-02-posting-submitted');
  });

  it('a jobs officer approves it from the review queue, and it is published', async () => {
    const jobs = await as('jobs');
    await jobs.goto('/job-postings/review');
    const row = jobs.locator('tr', { hasText: TITLE }).first();
    await row.waitFor();
    await row.getByTestId('review-approve').click();
    await clickUntilSent(jobs, (await settled(jobs.locator('.ant-modal:visible'))).getByTestId('posting-step-confirm'), (r) => r.method() === 'POST' && r.url().includes(`/api/job-postings/${state.postingId}/`));
    await expect.poll(async () => (await getJson<{ status: string }>(jobs, `/api/job-postings/${state.postingId}`)).status).toBe('published');
    await shot(jobs, 'employment-03-approved');
  });

  it('a visitor finds it on the phone-sized public board by a word inside its title', async () => {
    const visitor = await phone();
    await visitor.goto('/jobs');
    await visitor.locator('input[name="q"]').fill('电焊');
    await visitor.locator('input[name="q"]').press('Enter');
    const link = visitor.locator('a', { hasText: TITLE }).first();
    await link.waitFor();
    await shot(visitor, 'employment-04-board-search');
    await link.click();
    await visitor.waitForURL(new RegExp(`/jobs/${state.postingId}`));
    const text = (await visitor.locator('body').textContent())!;
    expect(text).toContain(TITLE);
    expect(text).toMatch(/5,?500/);
    // Fits the phone: nothing scrolls sideways.
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(visitor, 'employment-05-board-posting');
  });

  it('a job seeker is registered, matched to the posting, referred and placed', async () => {
    const jobs = pages[1];
    const posting = await getJson<{ regionCode: string }>(jobs, `/api/job-postings/${state.postingId}`);
    await jobs.goto('/job-seekers/new');
    await jobs.getByTestId('seeker-form-name').fill(SEEKER);
    await jobs.getByTestId('seeker-form-id').fill(makeCnId(posting.regionCode, '20010315', String(100 + (run % 899)).padStart(3, '0')));
    await pick(jobs, jobs.getByTestId('seeker-form-education'), '高中/中专/技校');
    await pick(jobs, jobs.getByTestId('seeker-form-category'), '技术工种');
    await pick(jobs, jobs.getByTestId('seeker-form-region'), JIAOZUO_COUNTIES[posting.regionCode] ?? '解放区');
    await jobs.getByTestId('seeker-form-skills').fill('电焊 焊工证');
    const hardship = jobs.getByTestId('seeker-form-hardship');
    if (!(await hardship.isChecked().catch(() => true))) await hardship.click();
    await shot(jobs, 'employment-06-seeker-form');
    await jobs.getByTestId('seeker-form-submit').click();
    await jobs.waitForURL(/\/job-seekers\/[0-9a-f-]{36}$/);
    state.seekerId = jobs.url().match(/job-seekers\/([0-9a-f-]{36})/)![1];

    // The posting's matched seekers: ours, with the criteria that matched.
    await jobs.goto(`/job-postings/${state.postingId}?tab=matches`);
    const row = jobs.getByTestId(`posting-match-${state.seekerId}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(SEEKER);
    await shot(jobs, 'employment-07-posting-matches');
    await row.getByTestId('posting-match-refer').click();
    await clickUntilSent(jobs, (await settled(jobs.locator('.ant-modal:visible'))).getByTestId('refer-confirm'), (r) => r.method() === 'POST' && r.url().includes('/referrals'));
    await jobs.getByTestId('refer-confirm').waitFor({ state: 'hidden' });

    await jobs.goto(`/job-seekers/${state.seekerId}`);
    await jobs.getByRole('tab', { name: /推荐记录/ }).click();
    await jobs.getByTestId('referral-place').first().click();
    await clickUntilSent(jobs, (await settled(jobs.locator('.ant-modal:visible'))).getByTestId('outcome-confirm'), (r) => r.method() === 'POST' && r.url().includes('/outcome'));
    await expect.poll(async () => (await getJson<{ status: string }>(jobs, `/api/job-seekers/${state.seekerId}`)).status).toBe('placed');
    await jobs.getByTestId('seeker-placement').waitFor();
    expect(await jobs.getByTestId('seeker-placement').textContent()).toContain(TITLE);
    await shot(jobs, 'employment-08-placed');
  });

  it('a worker asks a question on the public form; the union answers; the worker reads the answer', async () => {
    const worker = await phone();
    await worker.goto('/consult');
    await pick(worker, worker.getByTestId('consult-org'), '中站区总工会');
    await pick(worker, worker.getByTestId('consult-category'), '金秋助学');
    await worker.getByTestId('consult-question').fill('孩子今年考上大学，家里是困难职工家庭，怎样申请金秋助学？需要准备哪些材料？');
    await worker.getByTestId('consult-phone').fill(PHONE);
    await worker.getByTestId('consult-submit').click();
    await worker.getByTestId('consult-ticket-no').waitFor();
    state.ticketNo = (await worker.getByTestId('consult-ticket-no').textContent())!.trim();
    expect(state.ticketNo).toMatch(/^[A-Z]{2}\d{8,}/);
    await shot(worker, 'employment-09-question-asked');

    const zz = await as('zz.admin');
    await zz.goto('/consultations');
    const row = zz.getByTestId('consultations-table').locator('tr', { hasText: state.ticketNo }).first();
    await row.waitFor();
    await row.getByTestId('consultation-row-link').click();
    await zz.getByTestId('consultation-answer-input').fill('请在金秋助学受理期内向所在单位工会提出申请，准备录取通知书、身份证、困难职工证明等材料，由工会逐级审核后发放。');
    await zz.getByTestId('consultation-answer-submit').click();
    await expect.poll(async () => (await zz.locator('body').textContent()) ?? '').toContain('已答复');
    await shot(zz, 'employment-10-answered');

    await worker.goto(`/consult/${state.ticketNo}`);
    const last4 = worker.locator('input').last();
    await last4.fill(PHONE.slice(-4));
    await last4.press('Enter');
    await expect.poll(async () => (await worker.locator('body').textContent()) ?? '').toContain('录取通知书');
    await shot(worker, 'employment-11-answer-read');
  });
});

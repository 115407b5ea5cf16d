import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getJson, launchBrowser, newPage, pick, screenshot, settled, shot, signIn, yuan } from './browser.js';

/**
 * The money walked through the pages, in Chinese: a donation drive and a collective donation at the
 * city, a receipt printed, an allocation to 中站区, a payment batch of this year's grants built by
 * `finance` and approved by `finance.checker`, executed, the bank file downloaded and its result file
 * with one failed line imported; then the fund's statement and the reconcile page, checked against the
 * figures this walk expects from what it did.
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
  for (const [i, page] of pages.entries()) if (!page.isClosed()) await screenshot(page, `funds-failed-${i}`).catch(() => undefined);
});

async function as(username: string) {
  const page = await newPage(browser);
  pages.push(page);
  await signIn(page, username);
  return page;
}


interface Fund {
  id: string;
  name: string;
  orgName: string;
  balanceFen: number;
  raisedFen: number;
  paidFen: number;
  allocatedOutFen: number;
}

const year = new Date().getFullYear();
const FUND = `${year}年金秋助学专项资金`;
const DISTRICT_FUND = `中站区${year}年帮扶资金`;
const DONORS = [
  { name: '王建华', unit: '办公室', yuan: '100', fen: 10_000 },
  { name: '李丽萍', unit: '组织部', yuan: '200', fen: 20_000 },
  { name: '欧阳晓明', unit: '帮扶中心', yuan: '50.5', fen: 5_050 },
];
const DONATED_FEN = DONORS.reduce((s, d) => s + d.fen, 0);
const ALLOCATED_FEN = 1_000_000;

const state = {
  finance: undefined as unknown as Page,
  checker: undefined as unknown as Page,
  fund: undefined as unknown as Fund,
  driveId: '',
  batchId: '',
  batchTotalFen: 0,
  batchLines: 0,
  bankFile: '',
  returnedFen: 0,
};

describe('the money, walked through', () => {
  it('sets up: this year’s fund as the demo left it', async () => {
    state.finance = await as('finance');
    state.checker = await as('finance.checker');
    const funds = await getJson<{ items: Fund[] }>(state.finance, '/api/funds');
    state.fund = funds.items.find((f) => f.name === FUND)!;
    expect(state.fund, FUND).toBeDefined();
    expect(state.fund.balanceFen).toBeGreaterThan(ALLOCATED_FEN);
  });

  it('shows the 2021 fund’s statement as the seed reports it: raised = paid = 2,149,136.00 元, balance 0', async () => {
    const page = state.finance;
    const funds = await getJson<{ items: Fund[] }>(page, '/api/funds');
    const fund2021 = funds.items.find((f) => f.name === '2021年金秋助学专项资金')!;
    await page.goto(`/funds/${fund2021.id}`);
    for (const title of ['期初余额', '本期收入', '本期支出', '期末余额']) await page.locator('.ant-statistic', { hasText: title }).waitFor();
    const figure = async (title: string) => (await page.locator('.ant-statistic', { hasText: title }).first().textContent())!.replace(/\s/g, '');
    expect(await figure('本期收入')).toContain('¥2,149,136.00');
    expect(await figure('本期支出')).toContain('¥2,149,136.00');
    expect(await figure('期末余额')).toContain('¥0.00');
    expect((await page.locator('body').textContent())!.replace(/\s/g, '')).toContain('214.9136万元');
    await shot(page, 'funds-00-statement-2021');
  });

  it('a donation drive, and a collective donation entered in one go', async () => {
    const page = state.finance;
    await page.goto('/donation-drives');
    await page.getByTestId('drive-new').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('drive-name').waitFor();
    await pick(page, dialog.getByTestId('drive-fund'), FUND);
    const name = `${year}年“99公益日”集体捐款（浏览器测试 ${Date.now() % 100000}）`;
    await dialog.getByTestId('drive-name').fill(name);
    await dialog.getByTestId('drive-goal').fill('5000');
    await shot(page, 'funds-01-new-drive');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/donation-drives\/[0-9a-f-]{36}/);
    state.driveId = page.url().match(/donation-drives\/([0-9a-f-]{36})/)![1];

    await page.getByTestId('tab-batch').click();
    for (const [i, d] of DONORS.entries()) {
      await page.getByTestId(`batch-name-${i}`).fill(d.name);
      await page.getByTestId(`batch-unit-${i}`).fill(d.unit);
      await page.getByTestId(`batch-amount-${i}`).fill(d.yuan);
    }
    await shot(page, 'funds-02-collective-batch');
    await page.getByTestId('batch-submit').click();
    await (await settled(page.locator('.ant-modal-confirm:visible'))).locator('.ant-btn-primary').click();
    await page.getByTestId('batch-done').waitFor();
    await expect.poll(async () => (await page.getByTestId('drive-raised').textContent())?.replace(/\s/g, '')).toContain(yuan(DONATED_FEN));
    await shot(page, 'funds-03-batch-done');
  });

  it('prints a donation receipt: its number, the donor and the amount in capitals', async () => {
    const page = state.finance;
    await page.getByRole('tab', { name: '捐款明细' }).click();
    const receiptLink = page.locator('[data-testid^="receipt-JZ-"]').first();
    await receiptLink.waitFor();
    await receiptLink.click();
    await page.getByTestId('receipt-paper').waitFor();
    const no = (await page.getByTestId('receipt-no').textContent())!;
    expect(no).toMatch(/^JZ-\d{4}-\d{6}$/);
    const donor = (await page.getByTestId('receipt-donor').textContent())!;
    const d = DONORS.find((x) => donor.includes(x.name))!;
    expect(d, donor).toBeDefined();
    const words: Record<number, string> = { 10_000: '壹佰元整', 20_000: '贰佰元整', 5_050: '伍拾元伍角' };
    expect((await page.getByTestId('receipt-words').textContent())!.replace(/\s/g, '')).toContain(words[d.fen]);
    expect(await page.getByTestId('receipt-issuer').textContent()).toContain('焦作市总工会');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'funds-04-receipt-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(inject('screenshotDir'), 'funds-receipt.pdf'), pdf);
    // One A4 page: the receipt fits on it.
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('allocates to 中站区’s fund, which 中站区 then sees', async () => {
    const page = state.finance;
    await page.goto(`/funds/${state.fund.id}`);
    await page.getByTestId('fund-allocate').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('allocate-amount').waitFor();
    await pick(page, dialog.getByTestId('allocate-to-fund'), DISTRICT_FUND);
    await dialog.getByTestId('allocate-amount').fill(String(ALLOCATED_FEN / 100));
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '拨款记录' }).click();
    await page.locator('tr', { hasText: DISTRICT_FUND }).first().waitFor();
    await shot(page, 'funds-05-allocated');

    const zz = await as('zz.admin');
    await zz.goto('/funds');
    const row = zz.locator('tr', { hasText: DISTRICT_FUND });
    await row.waitFor();
    expect((await row.textContent())!.replace(/\s/g, '')).toContain(yuan(ALLOCATED_FEN));
    expect(await zz.locator('tr', { hasText: FUND }).count()).toBe(0);
    await shot(zz, 'funds-06-district-sees-allocation');
  });

  it('builds a payment batch of the grants ready for payment, which the builder may not approve', async () => {
    const page = state.finance;
    await page.goto('/payment-batches');
    await page.getByTestId('payment-new').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('payment-new-name').waitFor();
    await pick(page, dialog.getByTestId('payment-new-fund'), FUND);
    await dialog.getByTestId('payment-new-name').fill(`${year}年金秋助学第一批（浏览器测试）`);
    await dialog.getByTestId('payment-new-ok').click();
    await page.waitForURL(/\/payment-batches\/[0-9a-f-]{36}/);
    state.batchId = page.url().match(/payment-batches\/([0-9a-f-]{36})/)![1];
    await expect.poll(async () => page.getByTestId('payment-batch-status').textContent(), { timeout: 30_000 }).toContain('待审批');
    const batch = await getJson<{ lineCount: number; totalFen: number }>(page, `/api/payment-batches/${state.batchId}`);
    expect(batch.lineCount).toBeGreaterThanOrEqual(3);
    state.batchLines = batch.lineCount;
    state.batchTotalFen = batch.totalFen;
    expect(await page.getByTestId('payment-approve').isDisabled()).toBe(true);
    await shot(page, 'funds-07-batch-previewed');
  });

  it('is approved by the second finance officer and executed by the first', async () => {
    const checker = state.checker;
    await checker.goto(`/payment-batches/${state.batchId}`);
    await checker.getByTestId('payment-approve').click();
    await checker.locator('.ant-modal:visible').getByTestId('payment-approve-note').fill('名单与金额核对无误');
    await checker.getByTestId('payment-approve-ok').click();
    await expect.poll(async () => checker.getByTestId('payment-batch-status').textContent()).toContain('已审批');
    await shot(checker, 'funds-08-approved-by-checker');

    const page = state.finance;
    await page.reload();
    await page.getByTestId('payment-execute').click();
    await (await settled(page.locator('.ant-modal:visible'))).getByTestId('payment-execute-balance').waitFor();
    await page.getByTestId('payment-execute-ok').click();
    await expect.poll(async () => page.getByTestId('payment-batch-status').textContent(), { timeout: 60_000 }).toContain('已发放');
    await shot(page, 'funds-09-executed');
  });

  it('downloads the bank file and imports its result with one failed line, which goes back to ready', async () => {
    const page = state.finance;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payment-bank-file').click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bank-'));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('代发明细')!;
    const header = ws.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const lines: number[] = [];
    ws.eachRow((row, n) => {
      if (n > 1 && /^P[0-9A-F]{8}-\d{5}$|^[A-Z]/.test(String(row.getCell(col('付款参考号')).value ?? ''))) lines.push(n);
    });
    expect(lines.length).toBe(state.batchLines);
    // Card numbers in full in this file only.
    expect(String(ws.getRow(lines[0]).getCell(col('银行卡号')).value)).toMatch(/^\d{16,19}$/);
    for (const n of lines) ws.getRow(n).getCell(col('处理结果')).value = n === lines[0] ? '失败' : '成功';
    ws.getRow(lines[0]).getCell(col('失败原因')).value = '账户已冻结';
    const failedYuan = Number(ws.getRow(lines[0]).getCell(col('金额（元）')).value);
    state.returnedFen = Math.round(failedYuan * 100);
    state.bankFile = path.join(dir, '银行回执.xlsx');
    await wb.xlsx.writeFile(state.bankFile);

    await page.getByTestId('payment-import-results').click();
    await page.getByTestId('payment-results-file').setInputFiles(state.bankFile);
    await page.getByTestId('payment-results-submit').click();
    await page.getByTestId('payment-results-done').waitFor();
    expect(await page.getByTestId('payment-results-confirmed').textContent()).toContain(String(state.batchLines - 1));
    expect(await page.getByTestId('payment-results-failed').textContent()).toContain('1');
    await shot(page, 'funds-10-bank-results');
    await page.getByTestId('payment-results-close').click();
    await expect.poll(async () => (await page.getByTestId('payment-lines').textContent()) ?? '').toContain('账户已冻结');
    await shot(page, 'funds-11-line-returned');
  });

  it('shows a statement and a reconciliation that agree with what was done', async () => {
    const page = state.finance;
    const expected = state.fund.balanceFen + DONATED_FEN - ALLOCATED_FEN - (state.batchTotalFen - state.returnedFen);
    const now = await getJson<Fund>(page, `/api/funds/${state.fund.id}`);
    expect(now.balanceFen).toBe(expected);
    expect(now.raisedFen).toBe(now.allocatedOutFen + now.paidFen + now.balanceFen);

    await page.goto(`/funds/${state.fund.id}`);
    const closing = page.locator('.ant-statistic', { hasText: '期末余额' });
    await closing.waitFor();
    await expect.poll(async () => (await closing.textContent())!.replace(/\s/g, '')).toContain(yuan(expected));
    while (await page.getByTestId('statement-more').isVisible()) await page.getByTestId('statement-more').click();
    const text = (await page.locator('.ant-table').first().textContent())!;
    expect(text).toContain('拨付');
    expect(text).toContain('银行退回');
    await shot(page, 'funds-12-statement');

    await page.goto('/ledger/reconcile');
    await page.getByTestId('reconcile-rerun').click();
    for (const key of ['differences', 'unbalancedEntries', 'monthDifferences'])
      await expect.poll(async () => (await page.getByTestId(`reconcile-${key}`).textContent())?.replace(/\s/g, '')).toMatch(/0$/);
    await expect.poll(async () => page.getByTestId('reconcile-total-identity').textContent()).toContain('✓');
    const r = await getJson<{ differences: number; unbalancedEntries: number; monthDifferences: number; funds: Array<{ name: string; balanceFen: number; identityHolds: boolean }> }>(page, '/api/ledger/reconcile');
    expect(r).toMatchObject({ differences: 0, unbalancedEntries: 0, monthDifferences: 0 });
    expect(r.funds.find((f) => f.name === FUND)).toMatchObject({ balanceFen: expected, identityHolds: true });
    await shot(page, 'funds-13-reconcile');
  });
});

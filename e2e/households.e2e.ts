import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeCnId } from '../contracts/cn-ids.js';
import { buildHouseholdWorkbook, validHouseholdRows } from '../server/test-support/household-workbook.js';
import { bombs } from '../server/test-support/xlsx-bombs.js';
import { launchBrowser, newPage, screenshot, signIn } from './browser.js';

let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-e2e-files-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function pick(page: Page, select: Locator, label: string) {
  await select.click();
  if (await select.evaluate((el) => el.className.includes('show-search') || el.className.includes('multiple'))) await page.keyboard.type(label);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

async function importFile(page: Page, file: string) {
  await page.goto('/households/import');
  await page.getByTestId('import-submit').waitFor();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
  return page.getByTestId('import-result').innerText();
}

describe('household archive in Chromium, in Chinese', () => {
  it('files a household through the form', async () => {
    const page = await newPage(browser);
    await signIn(page, 'fc.caseworker');
    await page.goto('/households');
    await page.getByTestId('household-new').click();
    await page.getByTestId('household-form-name').waitFor();
    await page.getByTestId('household-form-name').fill('常建军');
    await page.getByTestId('household-form-id').fill(makeCnId('410803', '19760412', '217'));
    await page.getByTestId('household-form-phone').fill('13803917788');
    await page.getByTestId('household-form-monthly-income').fill('1650');
    await pick(page, page.getByTestId('household-form-category'), '深度困难');
    await pick(page, page.getByTestId('household-form-main-cause'), '本人或家人患大病');
    await page.getByTestId('member-add').click();
    const card = page.getByTestId('member-card').nth(0);
    await pick(page, card.getByTestId('member-relation'), '子女');
    await card.getByTestId('member-name').fill('常小雨');
    await card.getByTestId('member-id').fill(makeCnId('410803', '20080916', '224'));
    await screenshot(page, '10-household-form');
    await page.getByTestId('household-form-submit').click();
    await page.getByTestId('household-header').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('household-status').innerText()).toContain('待初审');
    const body = await page.textContent('body');
    expect(body).toContain('常建军');
    expect(body).toMatch(/410803\*{8}\d{3}[\dX]/);
    await screenshot(page, '11-household-filed');
  });

  it('lets the reviewer above approve a household whose notice has ended, and reveal its ID with a reason', async () => {
    const page = await newPage(browser);
    await signIn(page, 'zz.reviewer');
    await page.goto('/households');
    await page.getByTestId('household-table').waitFor();
    await page.locator('[data-testid=household-table] tr', { hasText: '公示中' }).first().getByRole('link').first().click();
    await page.getByTestId('household-header').waitFor();
    await page.getByTestId('household-action-approve').click();
    await page.getByTestId('action-modal-submit').click();
    await page.getByTestId('household-status').filter({ hasText: '已建档' }).waitFor({ timeout: 20_000 });
    await screenshot(page, '12-household-approved');

    await page.getByTestId('reveal-id').click();
    await page.getByTestId('reveal-reason').fill('发放助学金前核对身份');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('revealed-value').waitFor();
    expect((await page.getByTestId('revealed-value').innerText()).trim()).toMatch(/^\d{17}[\dX]$/);
    await screenshot(page, '13-household-reveal');
  });

  it('refuses a spreadsheet bomb at upload, naming the limit in Chinese', async () => {
    const page = await newPage(browser);
    await signIn(page, 'fc.caseworker');
    const bomb = path.join(tmp, 'bomb.xlsx'); // ~1 MB on disk, a 1 GiB sheet part inside
    fs.writeFileSync(bomb, bombs().find((b) => b.name.startsWith('1 GiB sheet part (declared honestly)'))!.file);
    await page.goto('/households/import');
    await page.getByTestId('import-submit').waitFor();
    await page.getByTestId('import-file').setInputFiles(bomb);
    await page.getByTestId('import-submit').click();
    await page.getByText('工作表解压后超过 256 MB 上限').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-result').count()).toBe(0);
    await page.waitForTimeout(400); // the form's help text slides in
    await screenshot(page, '14a-import-bomb-refused');
  });

  it('imports a bad file as a Chinese error report writing nothing, then a good file', async () => {
    const page = await newPage(browser);
    await signIn(page, 'fc.caseworker');
    const good = [validHouseholdRows(), validHouseholdRows()];
    const badId = (good[0].household['身份证号'] as string).slice(0, 17) + ((good[0].household['身份证号'] as string)[17] === '1' ? '2' : '1');
    const badFile = path.join(tmp, 'bad.xlsx');
    fs.writeFileSync(badFile, await buildHouseholdWorkbook([{ ...good[0].household, 身份证号: badId }, { ...good[1].household, 困难类别: '很困难' }]));
    const result = await importFile(page, badFile);
    expect(result).toMatch(/失败|错误/);
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toContain('身份证号校验码错误');
    expect(errors).toContain('不在下拉列表（代码表）中');
    await screenshot(page, '14-import-errors');

    const goodFile = path.join(tmp, 'good.xlsx');
    fs.writeFileSync(goodFile, await buildHouseholdWorkbook(good.map((g) => g.household), good.flatMap((g) => g.members)));
    const ok = await importFile(page, goodFile);
    expect(ok).toContain('2');
    expect(ok).not.toMatch(/失败/);
    await screenshot(page, '15-import-success');
  });
});

describe('an import as archived waits for a second person, in Chromium, in Chinese', () => {
  it('is written by the importer, not counted until another reviewer checks its households and approves; the importer cannot approve it', async () => {
    // Paper records taken over: two households filed straight into the archive by 中站区's org admin (import + review).
    const rows = [validHouseholdRows(), validHouseholdRows()];
    const names = ['纸档转入甲', '纸档转入乙'];
    rows.forEach((r, i) => (r.household['户主姓名'] = names[i]));
    const file = path.join(tmp, '纸质档案转入.xlsx');
    fs.writeFileSync(file, await buildHouseholdWorkbook(rows.map((r) => r.household), rows.flatMap((r) => r.members)));

    const importer = await newPage(browser);
    await signIn(importer, 'zz.admin');
    await importer.goto('/households/import');
    await importer.getByTestId('import-submit').waitFor();
    await importer.getByTestId('import-as-archived').click();
    await importer.getByTestId('import-file').setInputFiles(file);
    await importer.getByTestId('import-submit').click();
    const result = importer.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-status')).toBe('awaiting_approval');
    expect(await importer.getByTestId('import-awaiting').innerText()).toMatch(/已向“中站区总工会”写入 2 户（家庭成员 4 人），待另一位审核人审核后才计入档案/);
    expect(importer.url()).toMatch(/\/households\/import\?id=[0-9a-f-]{36}$/);
    await screenshot(importer, '18-import-awaiting-approval');

    // Not in the archive yet.
    await importer.goto(`/households?q=${encodeURIComponent(names[0])}`);
    await importer.locator('[data-testid=household-table] .ant-empty').waitFor();

    // The importer sees it on the approvals page as their own, and cannot decide on it.
    await importer.getByTestId('side-menu').getByText('档案导入审核').click();
    const ownRow = importer.locator('[data-testid=import-approvals-table] tr', { hasText: '纸质档案转入.xlsx' });
    await ownRow.waitFor();
    expect(await ownRow.getByTestId('import-own').innerText()).toBe('本人提交');
    expect(await ownRow.getByTestId('import-approve').isDisabled()).toBe(true);
    expect(await ownRow.getByTestId('import-reject').isDisabled()).toBe(true);
    await ownRow.getByTestId('import-view').click();
    expect(await importer.getByTestId('import-own-hint').innerText()).toContain('不能审核自己提交的导入');
    await importer.close();

    // Another reviewer above opens it, sees the households it wrote (masked), and approves with a note.
    const reviewer = await newPage(browser);
    await signIn(reviewer, 'zz.reviewer');
    await reviewer.getByTestId('side-menu').getByText('档案导入审核').click();
    const row = reviewer.locator('[data-testid=import-approvals-table] tr', { hasText: '纸质档案转入.xlsx' });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('中站区总工会');
    expect(rowText).toContain('2 户');
    expect(rowText).toContain('4 人');
    expect(rowText).toContain('中站区总工会管理员');
    expect(rowText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await row.getByTestId('import-view').click();
    const households = reviewer.getByTestId('import-households');
    await households.locator('tbody tr', { hasText: names[1] }).waitFor();
    const listed = await households.innerText();
    for (const name of names) expect(listed).toContain(name);
    expect(listed).toMatch(/410803\*{8}\d{3}[\dX]/);
    expect(listed).not.toContain(rows[0].household['身份证号'] as string);
    await screenshot(reviewer, '19-import-approval-drawer');

    // Rejecting needs a reason; the reviewer cancels that and approves instead.
    await reviewer.getByTestId('import-drawer').getByTestId('import-reject').click();
    await reviewer.getByTestId('import-decision-submit').click();
    await reviewer.getByText('请填写不通过的原因').waitFor();
    await reviewer.getByRole('button', { name: '取 消' }).or(reviewer.getByRole('button', { name: '取消' })).first().click();
    await reviewer.getByTestId('import-decision-modal').waitFor({ state: 'hidden' });
    await reviewer.getByTestId('import-drawer').getByTestId('import-approve').click();
    await reviewer.getByTestId('import-decision-reason').fill('已与纸质档案逐户核对');
    await reviewer.getByTestId('import-decision-submit').click();
    await reviewer.getByText('已审核通过，2 户已计入档案').waitFor();
    await row.waitFor({ state: 'detached' });

    // Now they are in the archive, archived.
    await reviewer.goto(`/households?q=${encodeURIComponent(names[0])}`);
    const archived = reviewer.locator('[data-testid=household-table] tr', { hasText: names[0] });
    await archived.waitFor();
    expect(await archived.getByTestId('household-status').innerText()).toBe('已建档');
  });
});

describe('the import queue and a rejected archive import, in Chromium, in Chinese', () => {
  /** n households with ID numbers no other test uses (regions 4197xx–4199xx). */
  function manyHouseholds(n: number) {
    return Array.from({ length: n }, (_, i) => {
      const r = validHouseholdRows();
      const id = (region: string, birth: string) => makeCnId(`${region}${String(i % 100).padStart(2, '0')}`, birth, String(Math.floor(i / 100) % 1000).padStart(3, '0'));
      const worker = id('4199', '19700101');
      r.household['身份证号'] = worker;
      r.members[0]['身份证号'] = id('4198', '19720101');
      r.members[1]['身份证号'] = id('4197', '20100101');
      for (const m of r.members) m['户主身份证号'] = worker;
      return r;
    });
  }

  it('queues a second import of the same union behind the first, cancels it there, and shows the importer a rejection with its reason', async () => {
    const big = manyHouseholds(4000);
    const bigFile = path.join(tmp, '纸质档案大批.xlsx');
    fs.writeFileSync(bigFile, await buildHouseholdWorkbook(big.map((r) => r.household), big.flatMap((r) => r.members)));
    const small = [validHouseholdRows()];
    const smallFile = path.join(tmp, '补录一户.xlsx');
    fs.writeFileSync(smallFile, await buildHouseholdWorkbook(small.map((r) => r.household), small[0].members));

    const first = await newPage(browser);
    await signIn(first, 'zz.admin');
    const second = await first.context().newPage();
    await second.goto('/households/import');
    await second.getByTestId('import-submit').waitFor();
    await second.getByTestId('import-as-archived').click();
    await second.getByTestId('import-file').setInputFiles(smallFile);

    // The big file runs; the next import into 中站区总工会 waits for it.
    await first.goto('/households/import');
    await first.getByTestId('import-submit').waitFor();
    await first.getByTestId('import-as-archived').click();
    await first.getByTestId('import-file').setInputFiles(bigFile);
    await first.getByTestId('import-submit').click();
    await first.getByTestId('import-progress').waitFor();
    await second.getByTestId('import-submit').click();
    await second.getByTestId('import-queue').waitFor({ timeout: 20_000 });
    expect(await second.getByTestId('import-queue').innerText()).toMatch(/^排队中，(前面还有 \d+ 个导入|下一个就轮到本次导入)$/);
    await screenshot(second, '20-import-queued');
    await second.getByTestId('import-cancel').click();
    await second.getByTestId('import-cancel-ok').click();
    const cancelled = second.getByTestId('import-result');
    await cancelled.waitFor({ timeout: 20_000 });
    expect(await cancelled.getAttribute('data-status')).toBe('cancelled');
    expect(await cancelled.innerText()).toContain('未写入任何数据');

    const result = first.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-status')).toBe('awaiting_approval');
    expect(await first.getByTestId('import-awaiting').innerText()).toContain('写入 4000 户');
    const importPage = first.url();

    // Another reviewer rejects it: a reason is required, and the importer sees it.
    const reviewer = await newPage(browser);
    await signIn(reviewer, 'zz.reviewer');
    await reviewer.goto('/households/import-approvals');
    const row = reviewer.locator('[data-testid=import-approvals-table] tr', { hasText: '纸质档案大批.xlsx' });
    await row.getByTestId('import-reject').click();
    await reviewer.getByTestId('import-decision-reason').fill('与纸质档案核对不一致，请逐户核对后重新导入');
    await reviewer.getByTestId('import-decision-submit').click();
    await reviewer.getByText('已退回本次导入，写入的数据正在撤销').waitFor();
    await row.waitFor({ state: 'detached' });

    await first.goto(importPage);
    const rejected = first.getByTestId('import-result');
    await rejected.waitFor();
    expect(await rejected.getAttribute('data-status')).toBe('rejected');
    expect(await rejected.innerText()).toContain('导入未通过审核');
    expect(await first.getByTestId('import-decision-reason').innerText()).toBe('审核意见：与纸质档案核对不一致，请逐户核对后重新导入');
    await screenshot(first, '21-import-rejected');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, pick, screenshot, signIn } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A 16×16 blue square: a real PNG, as a phone photo of a document would be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mOQir9AEmIY1TCqYfhqAAAyiUkQBz4T3QAAAABJRU5ErkJggg==',
  'base64',
);

/** Opens the first household of the signed-in caseworker's list that is in the given status. */
async function openHousehold(page: Page, statusText: string) {
  await page.goto('/households');
  await page.getByTestId('household-table').waitFor();
  await page.locator('[data-testid=household-table] tr', { hasText: statusText }).first().getByRole('link').first().click();
  await page.getByTestId('household-header').waitFor();
}

describe('household casework in Chromium, in Chinese', () => {
  it('uploads photos on the 附件 tab, downloads them, and asks a reviewer for a reason before an ID scan', async () => {
    const page = await newPage(browser);
    await signIn(page, 'fc.caseworker');
    await openHousehold(page, '已建档');
    await page.getByTestId('household-tab-attachments').click();
    const tab = page.getByTestId('household-attachments');
    await tab.waitFor();
    await pick(page, page.getByTestId('attachment-kind'), '收入证明');
    await tab.locator('input[type=file]').setInputFiles({ name: '工资条.png', mimeType: 'image/png', buffer: PNG });
    const income = page.locator('[data-testid=attachment-table] tr', { hasText: '工资条.png' });
    await income.waitFor({ timeout: 20_000 });
    const text = await income.innerText();
    expect(text).toContain('收入证明');
    expect(text).toMatch(/\d+ B|KB/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain('府城街道帮扶专干');
    const href = await income.getByTestId('attachment-name').getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('image/png');
    expect(download.headers()['content-disposition']).toContain("filename*=UTF-8''");
    expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);

    // An ID scan shows the full number: the caseworker, who may not reveal numbers, cannot download it.
    await pick(page, page.getByTestId('attachment-kind'), '身份证明');
    await tab.locator('input[type=file]').setInputFiles({ name: '身份证正面.png', mimeType: 'image/png', buffer: PNG });
    const idProof = page.locator('[data-testid=attachment-table] tr', { hasText: '身份证正面.png' });
    await idProof.waitFor({ timeout: 20_000 });
    expect(await idProof.getByTestId('attachment-name').getAttribute('href')).toBeNull();
    expect(await idProof.getByTestId('attachment-download').isDisabled()).toBe(true);
    await screenshot(page, '16-household-attachments');

    const reviewer = await newPage(browser);
    await signIn(reviewer, 'zz.reviewer');
    await reviewer.goto(new URL(page.url()).pathname);
    await reviewer.getByTestId('household-tab-attachments').click();
    const row = reviewer.locator('[data-testid=attachment-table] tr', { hasText: '身份证正面.png' }).first();
    await row.getByTestId('attachment-download').click();
    await reviewer.getByTestId('id-proof-download-submit').click();
    await reviewer.getByText('请填写下载原因').waitFor();
    await reviewer.getByTestId('id-proof-reason').fill('核对 410803197805150016');
    await reviewer.getByTestId('id-proof-download-submit').click();
    await reviewer.getByText('原因中不要填写身份证号').waitFor();
    await reviewer.getByTestId('id-proof-reason').fill('发放助学金前核对身份');
    await reviewer.getByText('原因中不要填写身份证号').waitFor({ state: 'hidden' });
    await screenshot(reviewer, '16b-household-id-proof-reason');
    const [saved] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByTestId('id-proof-download-submit').click()]);
    expect(saved.suggestedFilename()).toBe('身份证正面.png');
    const stream = await saved.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PNG)).toBe(true);
  });

  it('corrects the phone of a household with members without retyping any member ID number', async () => {
    const page = await newPage(browser);
    await signIn(page, 'fc.caseworker');
    await openHousehold(page, '已建档');
    await page.getByTestId('household-action-edit').click();
    await page.getByTestId('household-form-phone').waitFor();
    const cards = page.getByTestId('member-card');
    const members = await cards.count();
    expect(members).toBeGreaterThan(0);
    // Members on file show their mask and an empty ID field that may stay empty.
    expect(await cards.first().getByTestId('member-id').inputValue()).toBe('');
    expect(await cards.first().innerText()).toMatch(/已登记 \d{6}\*{8}\d{3}[\dX]，不修改请留空/);
    await page.getByTestId('household-form-phone').fill('13903912345');
    await screenshot(page, '17-household-edit-phone');
    await page.getByTestId('household-form-submit').click();
    await page.getByTestId('household-header').waitFor({ timeout: 20_000 });
    await page.getByTestId('household-info').getByText('139****2345').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: /家庭成员/ }).click();
    await page.getByTestId('household-members').waitFor();
    expect(await page.locator('[data-testid=household-members] tbody tr.ant-table-row').count()).toBe(members);
    await page.getByRole('tab', { name: /变更历史/ }).click();
    const history = await page.getByTestId('household-history').innerText();
    expect(history).toContain('修改项目：手机号');
  });
});

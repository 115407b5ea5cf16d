import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const treeTitles = (page: Page) => page.locator('[data-testid=org-tree] .ant-tree-title').allInnerTexts();

describe('foundation in Chromium, in Chinese', () => {
  it('shows the sign-in page in Chinese', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.textContent('body')).toContain('职工服务平台');
    await screenshot(page, '01-login');
  });

  it('refuses a wrong password with the one message for every failure', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByTestId('login-username').fill('city.admin');
    await page.getByTestId('login-password').fill('not-the-password-at-all');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-notice').waitFor();
    expect(await page.getByTestId('login-notice').innerText()).toContain('用户名或密码错误');
  });

  it('lets the city admin browse the whole Jiaozuo tree, create a user with a role, and that user sees only their subtree', async () => {
    const page = await newPage(browser);
    await signIn(page, 'city.admin');
    expect(await page.getByTestId('current-org').innerText()).toContain('焦作市总工会');
    await screenshot(page, '02-home-city-admin');

    await page.goto('/orgs');
    await page.getByTestId('org-tree').waitFor();
    const cityTree = await treeTitles(page);
    for (const name of ['焦作市总工会', '中站区总工会', '解放区总工会', '孟州市总工会', '焦煤集团工会']) expect(cityTree.join('|')).toContain(name);
    await page.getByTestId('org-search').fill('赵固');
    await page.locator('[data-testid=org-tree] .ant-tree-title', { hasText: '赵固二矿工会' }).first().click();
    await page.getByTestId('org-detail').waitFor();
    expect(await page.getByTestId('org-detail').innerText()).toContain('JZ-JM-ZG2');
    await screenshot(page, '03-org-tree-search');

    await page.goto('/users');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-org').click();
    await page.keyboard.type('中站区总工会');
    await page.locator('.ant-select-tree-title').filter({ hasText: /^中站区总工会$/ }).first().click();
    const username = `e2e.${Date.now().toString(36)}`;
    await page.getByTestId('user-form-username').fill(username);
    await page.getByTestId('user-form-display-name').fill('中站区新专干');
    await page.getByTestId('role-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '帮扶专干' }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, '04-create-user');
    await page.getByTestId('user-create-submit').click();
    await page.getByTestId('one-time-password').waitFor();
    const oneTimePassword = (await page.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword).toHaveLength(16);
    await screenshot(page, '05-one-time-password');
    await page.getByTestId('otp-done').click();
    await page.locator('[data-testid=user-table] tr', { hasText: username }).waitFor();

    const newcomer = await newPage(browser);
    await newcomer.goto('/login');
    await newcomer.getByTestId('login-username').fill(username);
    await newcomer.getByTestId('login-password').fill(oneTimePassword);
    await newcomer.getByTestId('login-submit').click();
    await newcomer.waitForURL('**/change-password');
    await newcomer.getByTestId('password-current').fill(oneTimePassword);
    await newcomer.getByTestId('password-new').fill('Zhongzhan-Bangfu-2026');
    await newcomer.getByTestId('password-confirm').fill('Zhongzhan-Bangfu-2026');
    await newcomer.getByTestId('password-submit').click();
    await newcomer.getByTestId('current-org').waitFor();
    expect(await newcomer.getByTestId('current-org').innerText()).toContain('中站区总工会');
    await newcomer.goto('/orgs');
    await newcomer.getByTestId('org-tree').waitFor();
    await newcomer.locator('[data-testid=org-tree] .ant-tree-title', { hasText: '中站区总工会' }).first().waitFor();
    const narrow = (await treeTitles(newcomer)).join('|');
    expect(narrow).toContain('中站区总工会');
    expect(narrow).not.toContain('解放区总工会');
    expect(narrow).not.toContain('焦作市总工会');
    await screenshot(newcomer, '06-narrow-tree');
  });

  it('shows the auditor the audit log with the sign-ins', async () => {
    const page = await newPage(browser);
    await signIn(page, 'auditor');
    await page.goto('/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.locator('[data-testid=audit-table] .ant-table-row').first().waitFor();
    expect(await page.getByTestId('audit-table').innerText()).toMatch(/city\.admin/);
    await screenshot(page, '07-audit');
  });
});

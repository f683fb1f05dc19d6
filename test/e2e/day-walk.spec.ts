import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import en from '../../shared/i18n/locales/en.json' with { type: 'json' };
import he from '../../shared/i18n/locales/he.json' with { type: 'json' };
import nb from '../../shared/i18n/locales/nb.json' with { type: 'json' };
import ru from '../../shared/i18n/locales/ru.json' with { type: 'json' };
import zh from '../../shared/i18n/locales/zh-CN.json' with { type: 'json' };
import zhTW from '../../shared/i18n/locales/zh-TW.json' with { type: 'json' };
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

/**
 * One person's day, as the issue walked it (sign in, clock in, read and acknowledge, request leave,
 * chat, launch a tool, clock out), in each of the six languages (English, Simplified and
 * Traditional Chinese, Hebrew, Russian, Norwegian), each by a different person on a host of their
 * own; every page is saved as a screenshot per language.
 */
const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack({ hosts: 6 });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

const walks = [
  { language: 'en', catalog: en, person: 'zhang.wei', host: 0, leave: 'Leave', approver: '王芳', handbook: 'Staff handbook' },
  { language: 'zh-CN', catalog: zh, person: 'liu.yang', host: 1, leave: '请假', approver: '王芳', handbook: '员工手册' },
  { language: 'he', catalog: he, person: 'sun.li', host: 2, leave: 'חופשה', approver: '王芳', handbook: 'מדריך לעובד' },
  { language: 'zh-TW', catalog: zhTW, person: 'zhou.jie', host: 3, leave: '請假', approver: '王芳', handbook: '員工手冊' },
  {
    language: 'ru',
    catalog: ru,
    person: 'wu.hao',
    host: 4,
    leave: 'Отпуск',
    approver: '李娜',
    handbook: 'Справочник сотрудника',
  },
  {
    language: 'nb',
    catalog: nb,
    person: 'ma.lin',
    host: 5,
    leave: 'Ferie og permisjon',
    approver: '李娜',
    handbook: 'Personalhåndbok',
  },
] as const;

async function go(page: Page, to: 'home' | 'approvals' | 'notices' | 'attendance' | 'chat' | 'people' | 'launcher') {
  await page.getByTestId(`nav-${to}`).click();
}

for (const walk of walks) {
  test(`a day in ${walk.language}: clock in, acknowledge, request leave, chat, launch a tool, clock out`, async ({ page }) => {
    const L = walk.catalog;
    const shot = (name: string) => page.screenshot({ path: path.join(shots, `day-${walk.language}-${name}.png`) });
    await signIn(page, stack.launchUrls[walk.host]!, walk.person, { width: 1280, height: 800 });
    await page.getByLabel('Language').selectOption(walk.language);
    await expect(page.locator('html')).toHaveAttribute('lang', walk.language);
    if (walk.language === 'he') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    // Clock in from Home; the brief beside it follows at once.
    await page.getByTestId('clock-button').click();
    await expect(page.getByTestId('clock-status')).toBeVisible();
    await expect(page.getByTestId('brief')).toContainText(L.brief.clockedIn.split('{{')[0]!.trim());
    await shot('home');

    // Read and acknowledge the required notice.
    await go(page, 'notices');
    await page.getByRole('button', { name: /Paper attendance forms stop on Monday/ }).click();
    await page.getByTestId('acknowledge').click();
    await expect(page.getByTestId('acked')).toBeVisible();
    await shot('notices');

    // Request a day and a half of leave: the server counts it, and says who approves.
    await go(page, 'approvals');
    await page.getByRole('button', { name: L.approvals.newRequest }).click();
    await page.getByRole('button', { name: new RegExp(`^${walk.leave}`) }).click();
    const form = page.locator('form.new-request');
    await form.locator('#field-leaveType').selectOption('annual');
    await form.locator('#field-start').fill('2026-12-14');
    await form.locator('#field-end').fill('2026-12-15');
    await form.locator('#field-endHalf').selectOption('am');
    await expect(form.getByTestId('computed-days')).toHaveText(new Intl.NumberFormat(walk.language).format(1.5));
    await expect(form.getByTestId('approver-preview')).toContainText(walk.approver);
    await form.locator('#field-reason').fill('Family');
    await shot('leave-form');
    await form.getByRole('button', { name: L.approvals.form.submit }).click();
    await expect(page.getByTestId('detail-status')).toHaveText(L.approvals.status.pending);
    await shot('approvals');

    // Chat with the manager.
    await go(page, 'people');
    await page
      .getByRole('button', { name: new RegExp(walk.approver) })
      .first()
      .click();
    const box = page.getByLabel(L.chat.message, { exact: true });
    await box.fill(`Leave request sent (${walk.language})`);
    await box.press('Enter');
    await expect(page.getByTestId('conversation').getByTestId('message').last()).toContainText(`(${walk.language})`);
    await shot('chat');

    // Launch the staff handbook: it opens in a page of its own.
    await go(page, 'launcher');
    const popup = page.context().waitForEvent('page');
    await page.locator('.tool-row-launch, .tool-launch').filter({ hasText: walk.handbook }).first().click();
    const handbook = await popup;
    await handbook.waitForLoadState();
    await expect(handbook.locator('body')).not.toBeEmpty();
    await shot('launcher');
    await handbook.close();

    // Clock out: before the day's end it asks first (the run's hour decides; the core test pins both).
    await go(page, 'home');
    await page.getByTestId('clock-button').click();
    const confirm = page.getByTestId('early-confirm');
    if (await confirm.isVisible()) {
      await shot('clock-out-question');
      await confirm.click();
    }
    await expect(page.getByTestId('clock-status')).toBeVisible();
    await shot('end-of-day');
  });
}

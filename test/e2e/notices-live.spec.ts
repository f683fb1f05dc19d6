import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack({ hosts: 3 });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

const unreadCount = async (page: Page) => Number(await page.getByTestId('unread-notices').locator('.count').textContent());

test('HR publishes a required notice to Finance; counts and rates move live; remind reaches only the rest', async ({
  browser,
}) => {
  const size = { width: 1280, height: 860 };
  const hr = await (await browser.newContext()).newPage();
  const wu = await (await browser.newContext()).newPage();
  const zheng = await (await browser.newContext()).newPage();
  await signIn(hr, stack.launchUrls[0]!, 'chen.jing', size);
  await signIn(wu, stack.launchUrls[1]!, 'wu.hao', size);
  await signIn(zheng, stack.launchUrls[2]!, 'zheng.xin', size);
  const wuBefore = await unreadCount(wu);
  const zhengBefore = await unreadCount(zheng);

  // HR writes it: Finance only (4 people), requires acknowledgement.
  await hr.getByRole('button', { name: 'Notices', exact: true }).click();
  await hr.getByRole('button', { name: 'New notice' }).click();
  const title = 'Expense claims close on the 25th';
  await hr.getByLabel('Title').fill(title);
  await hr
    .getByLabel('Text (Markdown)')
    .fill('Submit **all** November claims by the 25th.\n\n- receipts attached\n- [policy](https://oa.example.com/expenses)');
  await hr.getByRole('group', { name: 'Departments' }).getByLabel('Finance (4)').check();
  await hr.getByLabel('Requires acknowledgement').check();
  await hr.getByRole('tab', { name: 'Preview' }).click();
  await expect(hr.locator('.preview strong')).toHaveText('all');
  await hr.screenshot({ path: path.join(shots, 'notices-publish-form.png'), fullPage: true });
  await hr.getByRole('button', { name: 'Publish', exact: true }).click();

  // The publisher's view opens on it: 4 recipients, nobody has acknowledged yet.
  await expect(hr.locator('#reach-title')).toHaveText(title);
  await expect(hr.getByTestId('meter-acked')).toContainText('0 / 4 · 0%');

  // Members' counts rise live, with a toast; the two online devices confirm delivery.
  await expect.poll(() => unreadCount(wu)).toBe(wuBefore + 1);
  await expect.poll(() => unreadCount(zheng)).toBe(zhengBefore + 1);
  await expect(wu.locator('.toast', { hasText: `New notice: ${title}` })).toBeVisible();
  await expect(hr.getByTestId('meter-delivered')).toContainText(/[2-4] \/ 4/, { timeout: 15_000 });

  // A member reads and acknowledges it.
  await wu.getByTestId('unread-notices').click();
  const rowTitles = () => wu.locator('.notice-row').allTextContents();
  await expect(wu.locator('.notice-row', { hasText: title })).toBeVisible();
  const before = await rowTitles();
  await wu.locator('.notice-row', { hasText: title }).click();
  await expect(wu.locator('.notice-detail .markdown a')).toHaveAttribute('href', 'https://oa.example.com/expenses');
  await wu.getByTestId('acknowledge').click();
  await expect(wu.getByTestId('acked')).toContainText('You acknowledged this on');
  // Read and acknowledged, it stays where it was under the cursor (core now sorts it below the unread).
  const positionOf = (rows: string[]) => rows.findIndex((row) => row.includes(title));
  expect(positionOf(await rowTitles())).toBe(positionOf(before));
  await wu.screenshot({ path: path.join(shots, 'notices-member-acknowledged.png') });

  // The publisher's rate changes live, and wu.hao leaves the list of those who have not.
  await expect(hr.getByTestId('meter-acked')).toContainText('1 / 4 · 25%', { timeout: 10_000 });
  await expect(hr.getByTestId('stragglers')).not.toContainText('吴浩');
  await expect(hr.getByTestId('stragglers')).toContainText('郑欣');
  await hr.screenshot({ path: path.join(shots, 'notices-reach-live.png'), fullPage: true });

  // Remind the rest: zheng.xin gets a reminder, wu.hao does not.
  await hr.getByTestId('remind').click();
  await expect(hr.getByTestId('reach-outcome')).toHaveText('Reminder sent to those who have not.');
  await expect(zheng.locator('.toast', { hasText: `Reminder: please read “${title}”` })).toBeVisible();
  await wu.waitForTimeout(1500);
  await expect(wu.locator('.toast', { hasText: 'Reminder' })).toHaveCount(0);
  await hr.getByTestId('remind').click();
  await expect(hr.getByTestId('reach-outcome')).toHaveText('They were reminded a few minutes ago; try again later.');
});

test('the notices list in Chinese and Hebrew, with search', async ({ page }) => {
  await signIn(page, stack.launchUrls[2]!, 'zheng.xin', { width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Notices', exact: true }).click();
  await page.getByLabel('Search notices').fill('Paper attendance');
  await expect(page.locator('.notice-row')).toHaveCount(1);
  await page.getByLabel('Search notices').fill('');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '公告' })).toBeVisible();
  await page.locator('.notice-row').first().click();
  await page.screenshot({ path: path.join(shots, 'notices-zh-CN.png') });
  await page.getByRole('combobox', { name: '语言' }).selectOption('he');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: path.join(shots, 'notices-he.png') });
});

import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack({ hosts: 2 });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

async function submitOvertime(page: Page, reason: string): Promise<void> {
  await page.getByRole('button', { name: 'Approvals', exact: true }).click();
  await page.getByRole('button', { name: 'New request' }).click();
  await page.getByRole('button', { name: /^Overtime/ }).click();
  const form = page.locator('form.new-request');
  await form.getByLabel('Date', { exact: true }).fill('2026-12-12');
  await form.getByLabel('Hours', { exact: true }).fill('3');
  await form.getByLabel('Compensation', { exact: true }).selectOption('pay');
  await form.getByLabel('Reason', { exact: true }).fill(reason);
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('detail-status')).toHaveText('In progress');
}

test('a leader decides a morning’s inbox fast: figures on the cards, next after each decision, several at once', async ({
  browser,
}) => {
  const employee = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  await signIn(employee, stack.launchUrls[0]!, 'zhang.wei');
  await signIn(manager, stack.launchUrls[1]!, 'wang.fang');
  await submitOvertime(employee, 'Stocktaking on Saturday');

  await manager.getByRole('button', { name: 'Approvals', exact: true }).click();
  await expect(manager.getByTestId('waiting-count')).toHaveText('4');
  const row = (text: string) => manager.getByTestId('waiting-row').filter({ hasText: text });
  // Each card carries the number the decision turns on, money in the reader's currency format.
  await expect(row('Family visit in Chengdu').getByTestId('row-figure')).toHaveText('Working days 2');
  await expect(row('Client dinner').getByTestId('row-figure')).toHaveText('Amount CN¥860.00');
  await expect(row('Stocktaking').getByTestId('row-figure')).toHaveText('Hours 3');
  await manager.screenshot({ path: path.join(shots, 'approvals-inbox-figures.png') });

  // Approving the oldest opens the next one by itself.
  await row('Family visit in Chengdu').click();
  const detail = manager.getByTestId('request-detail');
  await expect(detail.getByRole('heading', { name: 'Family visit in Chengdu' })).toBeVisible();
  await detail.getByRole('button', { name: 'Approve' }).click();
  await expect(detail.getByRole('heading', { name: 'Client dinner with Huaxin Trading' })).toBeVisible();
  await expect(manager.getByTestId('waiting-count')).toHaveText('3');

  // Two routine ones at once, each through the server's own checks.
  const select = (text: string) => manager.locator('.inbox-row-select').filter({ hasText: text }).getByTestId('select-row');
  await select('Shanghai').check();
  await select('Stocktaking').check();
  await expect(manager.getByTestId('selected-count')).toHaveText('2 selected');
  await manager.screenshot({ path: path.join(shots, 'approvals-batch-selected.png') });
  await manager.getByTestId('approve-selected').click();
  await expect(manager.getByTestId('batch-result')).toHaveText('2 approved');
  await expect(manager.getByTestId('waiting-count')).toHaveText('1');
  await expect(row('Client dinner')).toHaveCount(1);
});

test('withdrawing asks first, and keeping it changes nothing', async ({ browser }) => {
  const employee = await (await browser.newContext()).newPage();
  await signIn(employee, stack.launchUrls[0]!, 'zhang.wei');
  await submitOvertime(employee, 'Server room move');
  const detail = employee.getByTestId('request-detail');
  await detail.getByRole('button', { name: 'Withdraw' }).click();
  await expect(detail.getByRole('alertdialog')).toContainText('Withdraw this request?');
  await employee.screenshot({ path: path.join(shots, 'approvals-withdraw-confirm.png') });
  await detail.getByRole('button', { name: 'Keep it' }).click();
  await expect(detail.getByTestId('detail-status')).toHaveText('In progress');
  await detail.getByRole('button', { name: 'Withdraw' }).click();
  await detail.getByTestId('withdraw-confirm').click();
  await expect(detail.getByTestId('detail-status')).toHaveText('Withdrawn');
});

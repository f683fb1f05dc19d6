import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack({ hosts: 2 });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

test('an employee submits leave; the manager sees it live, approves; the employee sees "approved" live', async ({ browser }) => {
  const employee = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  await signIn(employee, stack.launchUrls[0]!, 'zhang.wei');
  await signIn(manager, stack.launchUrls[1]!, 'wang.fang');
  const managerCount = manager.getByTestId('pending-approvals').locator('.count');
  await expect(managerCount).toHaveText('3');

  // The employee fills the generated leave form; validation speaks the user's language before anything is sent.
  await employee.getByRole('button', { name: 'Approvals', exact: true }).click();
  await employee.getByRole('button', { name: 'New request' }).click();
  await employee.getByRole('button', { name: /^Leave/ }).click();
  const form = employee.locator('form.new-request');
  const field = (label: string) => form.getByLabel(label, { exact: true });
  await field('Type').selectOption('annual');
  await field('From').fill('2026-12-10');
  await field('To').fill('2026-12-09');
  await employee.getByRole('button', { name: 'Submit' }).click();
  await expect(employee.locator('#field-reason-error')).toHaveText('Required.');
  await expect(employee.locator('#field-end-error')).toHaveText('Must not be before From.');
  await employee.screenshot({ path: path.join(shots, 'approvals-form-validation.png') });
  await field('To').fill('2026-12-11');
  // The length is the server's count on the requester's calendar, not typed; the approvers show before sending.
  await expect(form.getByTestId('computed-days')).toHaveText('2');
  await field('From').fill('2026-12-07');
  await field('Starting').selectOption('pm');
  await expect(form.getByTestId('computed-days')).toHaveText('4.5');
  await expect(form.getByTestId('approver-preview')).toContainText('王芳');
  await expect(form.getByTestId('approver-preview')).toContainText('陈静');
  await employee.screenshot({ path: path.join(shots, 'approvals-form-computed.png') });
  await field('From').fill('2026-12-10');
  await field('Starting').selectOption('am');
  await expect(form.getByTestId('computed-days')).toHaveText('2');
  await expect(form.getByTestId('approver-preview').locator('li').nth(1)).toHaveText(/Not needed/);
  await field('Reason').fill('Wedding in Hangzhou');
  const itinerary = Buffer.from('%PDF-1.4\n% Portico test itinerary\n');
  await form.locator('input[type=file]').setInputFiles({ name: 'itinerary.pdf', mimeType: 'application/pdf', buffer: itinerary });
  await expect(form.locator('.chip')).toHaveText(/itinerary\.pdf/);
  await form
    .locator('input[type=file]')
    .setInputFiles({ name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(form.getByRole('alert')).toHaveText(/virus\.exe: this kind of file is not accepted/);
  const submittedAt = Date.now();
  await employee.getByRole('button', { name: 'Submit' }).click();
  await expect(employee.getByTestId('detail-status')).toHaveText('In progress');

  // The manager's count and inbox move without a reload.
  await expect(managerCount).toHaveText('4', { timeout: 2000 });
  const liveMs = Date.now() - submittedAt;
  await manager.getByRole('button', { name: 'Approvals', exact: true }).click();
  await expect(manager.getByTestId('waiting-count')).toHaveText('4');
  const row = manager.getByTestId('waiting-row').filter({ hasText: 'Wedding in Hangzhou' });
  await expect(row).toBeVisible();
  await manager.screenshot({ path: path.join(shots, 'approvals-inbox.png') });
  await row.click();
  const detail = manager.getByTestId('request-detail');
  await expect(detail.getByRole('heading', { name: 'Wedding in Hangzhou' })).toBeVisible();
  await expect(detail.getByTestId('chain-step')).toHaveCount(2);
  await expect(detail.getByTestId('chain-step').first()).toHaveAttribute('data-status', 'active');
  await expect(detail.getByText('2026', { exact: false }).first()).toBeVisible();
  await manager.screenshot({ path: path.join(shots, 'approvals-detail.png') });
  const download = manager.waitForEvent('download');
  await detail.getByRole('button', { name: /itinerary\.pdf/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('itinerary.pdf');
  expect(await (await import('node:fs/promises')).readFile((await file.path())!)).toEqual(itinerary);

  // Reject needs a reason: the button stays disabled until one is given.
  await detail.getByRole('button', { name: 'Reject' }).click();
  await expect(detail.getByRole('button', { name: 'Reject with this reason' })).toBeDisabled();
  await detail.getByRole('button', { name: 'Cancel' }).click();

  const approvedAt = Date.now();
  await detail.getByRole('button', { name: 'Approve' }).click();
  // The inbox moves on to the next waiting request (approvals-flow.spec.ts walks that through).
  await expect(detail.getByRole('heading', { name: 'Wedding in Hangzhou' })).toBeHidden();
  await expect(manager.getByTestId('waiting-count')).toHaveText('3');

  // The employee's open detail and list turn to "Approved" live, and a toast says so.
  await expect(employee.getByTestId('detail-status')).toHaveText('Approved', { timeout: 2000 });
  const backMs = Date.now() - approvedAt;
  await expect(employee.locator('.toast').filter({ hasText: 'Your Leave request was approved' })).toBeVisible();
  await employee.getByRole('tab', { name: 'Submitted by me' }).click();
  await expect(
    employee.getByTestId('mine-row').filter({ hasText: 'Wedding in Hangzhou' }).getByTestId('request-status'),
  ).toHaveText('Approved');
  await employee.screenshot({ path: path.join(shots, 'approvals-employee-approved.png') });
  console.log(`submit → manager's count: ${liveMs} ms; approve → employee's status: ${backMs} ms`);
});

test('the inbox and the form follow the language, and the layout mirrors in Hebrew', async ({ page }) => {
  await signIn(page, stack.launchUrls[1]!, 'wang.fang');
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('button', { name: '审批', exact: true }).click();
  await expect(page.getByRole('tab', { name: /待我审批/ })).toBeVisible();
  await page.getByTestId('waiting-row').first().click();
  await expect(page.getByRole('button', { name: '同意' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'approvals-detail-zh-CN.png') });
  await page.getByLabel('语言').selectOption('he');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The server's names (templates, fields, steps) are Hebrew too, not English in a Hebrew frame.
  await expect(page.getByTestId('waiting-row').locator('.badge').first()).toHaveText(/^[\u0590-\u05FF ]+$/);
  await expect(page.getByTestId('chain-step').first()).toContainText('מנהל ישיר');
  const list = await page.locator('.inbox-column').boundingBox();
  const detail = await page.locator('.detail-column').boundingBox();
  expect(list!.x).toBeGreaterThan(detail!.x); // the list sits on the right in a right-to-left layout
  await page.screenshot({ path: path.join(shots, 'approvals-he-rtl.png') });
  await page.getByLabel('שפה').selectOption('en');
});

import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack({ hosts: 3 });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

const fixable = '[data-status="late"], [data-status="missing_in"], [data-status="missing_out"]';

test('clock in from Home and see the verdict at once; the month calendar shows the day', async ({ page }) => {
  await signIn(page, stack.launchUrls[0]!, 'zhang.wei', { width: 1280, height: 860 });
  const card = page.locator('.clock-card');
  await expect(card.getByTestId('clock-status')).toBeVisible();
  await card.getByRole('button', { name: 'Clock in' }).click();
  // Whatever the hour of the test run: the server's verdict with the time, then the button turns to Clock out.
  await expect(card.getByTestId('clock-status')).toHaveText(/^Clocked in at \d\d:\d\d/);
  const clockedAt = /\d\d:\d\d( [AP]M)?/.exec((await card.getByTestId('clock-status').textContent())!)![0];
  await expect(card.getByRole('button', { name: 'Clock out' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'attendance-home-clocked.png') });

  await page.getByRole('button', { name: 'Attendance', exact: true }).click();
  await expect(page.getByTestId('month-totals')).toBeVisible();
  const days = page.locator('.month-days [role="gridcell"]');
  expect(await days.count()).toBeGreaterThanOrEqual(28);
  // Today's cell carries the clock-in just made (the month opens on the month of today's attendance day).
  await expect(page.locator('.month-cell', { has: page.locator('.month-times', { hasText: `${clockedAt} – —` }) })).toHaveCount(
    1,
  );
  await page.screenshot({ path: path.join(shots, 'attendance-month-en.png'), fullPage: true });

  // The keyboard shortcut clocks whichever comes next and answers with a toast. Before the day's
  // end it asks first (the run's hour decides which; the core test pins both with a manual clock).
  await page.keyboard.press('Control+Alt+KeyK');
  const question = page.locator('.toast', { hasText: /^Clock out before/ });
  const clockedOut = page.locator('.toast', { hasText: /^Clocked out at/ });
  await expect(question.or(clockedOut)).toBeVisible();
  if (await question.isVisible()) {
    await page.screenshot({ path: path.join(shots, 'attendance-early-question.png') });
    // Asking changed nothing yet: today's cell still has no clock-out.
    await expect(page.locator('.month-cell', { has: page.locator('.month-times', { hasText: `${clockedAt} – —` }) })).toHaveCount(
      1,
    );
    await question.getByRole('button', { name: 'Clock out now' }).click();
  } else {
    await expect(clockedOut).toBeVisible();
  }
  await expect(
    page.locator('.month-cell', { has: page.locator('.month-times', { hasText: `${clockedAt} – ` }) }),
  ).not.toContainText('—');
});

test('a make-up clock-in goes through approval and the calendar shows the day corrected, live', async ({ browser }) => {
  const employee = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  const hr = await (await browser.newContext()).newPage();
  await signIn(employee, stack.launchUrls[0]!, 'zhang.wei', { width: 1280, height: 860 });
  await signIn(manager, stack.launchUrls[1]!, 'wang.fang', { width: 1280, height: 860 });
  await signIn(hr, stack.launchUrls[2]!, 'chen.jing', { width: 1280, height: 860 });

  await employee.getByRole('button', { name: 'Attendance', exact: true }).click();
  await expect(employee.getByTestId('month-totals')).toBeVisible();
  if ((await employee.locator(fixable).count()) === 0) {
    await employee.getByRole('button', { name: 'Previous month' }).click();
    await expect(employee.locator('.month-days [role="gridcell"]').first()).toBeVisible();
  }
  const dayCell = employee.locator(fixable).first();
  const testId = (await dayCell.getAttribute('data-testid'))!;
  await dayCell.click();
  const panel = employee.getByTestId('day-panel');
  await expect(panel.getByRole('heading', { name: 'Request a make-up clock-in' })).toBeVisible();
  await panel.getByTestId('makeup-reason').fill('Badge reader was down');
  await panel.getByRole('button', { name: 'Send for approval' }).click();
  await expect(panel.getByTestId('makeup-sent')).toBeVisible();

  for (const approver of [manager, hr]) {
    await approver.getByRole('button', { name: 'Approvals', exact: true }).click();
    const row = approver.getByTestId('waiting-row').filter({ hasText: 'Badge reader was down' });
    await expect(row).toBeVisible({ timeout: 3000 });
    await row.click();
    const detail = approver.getByTestId('request-detail');
    await detail.getByRole('button', { name: 'Approve' }).click();
    // Decided: the request leaves this person's waiting list. (The detail then opens the next waiting
    // request, or closes when there is none, which depends on what else the demo office has waiting.)
    await expect(row).toHaveCount(0);
  }
  // The correction reaches the employee's calendar without a reload.
  await expect(employee.getByTestId(testId)).toHaveAttribute('data-status', 'corrected', { timeout: 3000 });
  await employee.getByTestId(testId).click();
  await expect(employee.getByTestId('day-panel').getByText('make-up')).toBeVisible();
  await expect(employee.getByTestId('total-corrected')).toHaveText('1');
  await employee.screenshot({ path: path.join(shots, 'attendance-corrected-en.png'), fullPage: true });

  await employee.getByLabel('Language').selectOption('zh-CN');
  await expect(employee.getByRole('heading', { name: '考勤', level: 1 })).toBeVisible();
  await expect(employee.getByTestId(testId).locator('.month-status')).toHaveText('已补卡');
  await employee.screenshot({ path: path.join(shots, 'attendance-month-zh-CN.png'), fullPage: true });
  await employee.getByLabel('语言').selectOption('he');
  await expect(employee.locator('html')).toHaveAttribute('dir', 'rtl');
  await employee.screenshot({ path: path.join(shots, 'attendance-month-he-rtl.png'), fullPage: true });
  await employee.getByLabel('שפה').selectOption('en');
});

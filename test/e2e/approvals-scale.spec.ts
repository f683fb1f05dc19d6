import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowsers, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startStack({ seed: ['test/e2e/seed-large-inbox.ts'] });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

test('an inbox of 5,000 tasks and a 20-step chain stay responsive', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(stack.launchUrl);
  const signInStarted = Date.now();
  await page.getByLabel('Username').fill('wang.fang');
  await page.getByLabel('Password').fill('portico-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // 5,000 seeded, 3 from the demo, and the 20-step request whose first step is this manager's.
  await expect(page.getByTestId('pending-approvals').locator('.count')).toHaveText('5004', { timeout: 60_000 });
  const syncMs = Date.now() - signInStarted;

  const openStarted = Date.now();
  await page.getByRole('button', { name: 'Approvals', exact: true }).click();
  const list = page.getByRole('list', { name: 'Waiting for me' });
  await expect(list).toHaveAttribute('data-count', '5004');
  await expect(list.getByTestId('waiting-row').first()).toBeVisible();
  const openMs = Date.now() - openStarted;
  const rendered = await list.getByRole('listitem').count();
  // Once more, as a person going back to it during the day.
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  const reopenStarted = Date.now();
  await page.getByRole('button', { name: 'Approvals', exact: true }).click();
  await expect(list.getByTestId('waiting-row').first()).toBeVisible();
  const reopenMs = Date.now() - reopenStarted;
  expect(rendered).toBeLessThan(40);

  // Scrolling to the end renders the newest rows and still only a window of them.
  const frame = await list.evaluate(async (element) => {
    const started = performance.now();
    element.scrollTop = element.scrollHeight;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  });
  await expect(list.getByTestId('waiting-row').filter({ hasText: 'Taxi receipts batch 5000' })).toBeVisible();
  expect(await list.getByRole('listitem').count()).toBeLessThan(40);

  // Filter by template keeps the list virtual and fast.
  const filterStarted = Date.now();
  await page.getByLabel('Filter by type').selectOption('capex');
  await expect(list).toHaveAttribute('data-count', '1');
  const filterMs = Date.now() - filterStarted;

  const detailStarted = Date.now();
  await list.getByTestId('waiting-row').first().click();
  await expect(page.getByTestId('chain-step')).toHaveCount(20);
  const detailMs = Date.now() - detailStarted;
  await page.screenshot({ path: path.join(shots, 'approvals-20-steps.png'), fullPage: false });

  await page.getByRole('button', { name: 'Approve' }).click();
  // No other capex request waits, so the inbox has no next one to open; Done shows step 2 active.
  await expect(page.getByTestId('waiting-count')).toHaveText('5003');
  await page.getByRole('tab', { name: 'Done' }).click();
  await page.getByTestId('done-row').first().click();
  await expect(page.getByTestId('chain-step').nth(1)).toHaveAttribute('data-status', 'active');

  console.log(
    `5,004 tasks: sync after sign-in ${syncMs} ms; open inbox ${openMs} ms (${rendered} rows in the DOM), again ${reopenMs} ms; ` +
      `scroll to end ${frame.toFixed(1)} ms; filter ${filterMs} ms; 20-step detail ${detailMs} ms`,
  );
  // What a person waits for: from Sign in to the inbox's rows, going to Approvals as soon as Home
  // shows the count. The sync and the first open share work, so only their sum is stable: 6.0–6.8 s
  // on this two-core machine, before and after this bound was written (the earlier bound of 3 s on
  // the open alone passed or failed by where the split fell). Going back to it later: 1.2 s.
  expect(syncMs + openMs).toBeLessThan(10_000);
  expect(reopenMs).toBeLessThan(2000);
  expect(detailMs).toBeLessThan(2000);
});

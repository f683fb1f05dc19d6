import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

test('an outage says when the next try is, offers "Retry now", and is over within 5 s of the server’s return', async ({
  page,
}) => {
  await signIn(page, stack.launchUrl, 'zhang.wei');
  const badge = page.getByTestId('connection');
  const topBar = page.locator('header.topbar');
  const topBarHeight = (await topBar.boundingBox())!.height;
  const myDot = topBar.locator('.presence-dot');
  await expect(myDot).toHaveClass(/presence-online/);

  stack.killServer();
  await expect(badge).toHaveText(/Offline, retrying in \d+ seconds?|Offline, retrying…|Connecting…/, { timeout: 10_000 });
  await expect(badge).toHaveText(/Offline, retrying in \d+ seconds?/, { timeout: 10_000 });
  // The countdown is live, and the top bar keeps its height (no wrapping) at 1280 px.
  const first = await badge.textContent();
  await expect(badge).not.toHaveText(first!, { timeout: 2_500 });
  expect((await topBar.boundingBox())!.height).toBeLessThanOrEqual(topBarHeight + 1);
  // Nobody's presence is heard while offline: grey and said so, not a stale green.
  await expect(myDot).toHaveClass(/presence-unknown/);
  await expect(myDot).toHaveAttribute('aria-label', 'Not known while you are offline');
  await page.screenshot({ path: path.join(shots, 'connection-outage.png') });
  const retry = badge.getByRole('button', { name: 'Retry now' });
  await expect(retry).toBeVisible();
  await retry.click(); // tries at once: still refused, so offline again with a fresh countdown
  await expect(badge).toHaveText(/Offline, retrying|Connecting…/);

  await stack.startServer();
  const back = Date.now();
  await expect(badge).toHaveText(/Connected/, { timeout: 5_000 });
  console.log(`connected ${Date.now() - back} ms after the server was ready`);
  await expect(retry).toBeHidden();
  await expect(myDot).toHaveClass(/presence-online/);
});

import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { closeBrowsers, loginToken, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

test('a leader signs in through the browser host, sees live counts, in English, Chinese and Hebrew', async ({ page }) => {
  await page.goto(stack.launchUrl);
  await page.getByLabel('Username').fill('wang.fang');
  await page.getByLabel('Password').fill('portico-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const pending = page.getByTestId('pending-approvals');
  const unread = page.getByTestId('unread-notices');
  await expect(page.getByRole('heading', { name: 'Hello, 王芳' })).toBeVisible();
  await expect(pending.locator('.count')).toHaveText('3');
  // The welcome notice, the getting-started guide, the paper-forms notice and Sales' Q4 plan.
  await expect(unread.locator('.count')).toHaveText('4');
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);

  // HR publishes; the count changes within 1 s, without a reload.
  const hr = await loginToken(stack.serverUrl, 'chen.jing');
  const started = Date.now();
  const res = await fetch(`${stack.serverUrl}/api/notices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
    body: JSON.stringify({ title: 'Fire drill at 15:00', priority: 'important', audience: { userIds: ['u_wang_fang'] } }),
  });
  expect(res.status).toBe(201);
  await expect(unread.locator('.count')).toHaveText('5', { timeout: 1000 });
  console.log(`notice reached Home in ${Date.now() - started} ms`);
  // The first sign-in of the workday brings the daily brief.
  await expect(page.getByTestId('brief')).toContainText('3 approvals waiting');
  // Times are the site's wall clock (Shanghai), as on the attendance card, whatever the PC's zone.
  await expect(page.getByTestId('brief')).toContainText('your day starts at 09:00');
  await page.screenshot({ path: path.join(shots, 'home-en.png') });

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '您好，王芳' })).toBeVisible();
  await expect(page.getByText('待我审批')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'home-zh-CN.png') });

  await page.getByLabel('语言').selectOption('he');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const sidebar = await page.locator('nav.sidebar').boundingBox();
  expect(sidebar!.x).toBeGreaterThan(500); // the navigation moved to the right edge
  await page.screenshot({ path: path.join(shots, 'home-he-rtl.png') });
  await page.getByLabel('שפה').selectOption('en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Portico' })).toBeVisible();
});

test('sign-in errors say what happened and what to do', async ({ page }) => {
  await page.goto(stack.launchUrl);
  await page.getByLabel('Username').fill('zhang.wei');
  await page.getByLabel('Password').fill('not-my-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // One answer for a wrong password and an unknown name (nobody can list the accounts), still saying what comes next.
  await expect(page.getByRole('alert')).toHaveText(
    'Wrong name or password for zhang.wei. After 4 more wrong tries, each next one waits (first 30 seconds).',
  );
  await page.screenshot({ path: path.join(shots, 'login-wrong-credentials-en.png') });

  await page.getByLabel('Server').fill('http://127.0.0.1:9');
  await page.getByLabel('Password').fill('portico-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Server unreachable at http://127.0.0.1:9: check the network or the server address, or ask IT.',
  );
  await page.screenshot({ path: path.join(shots, 'login-error-en.png') });

  // The self-test names the step that fails and who can fix it, and passes against the real server.
  const check = page.locator('.connection-check');
  await check.getByRole('button', { name: 'Test connection' }).click();
  await expect(check.getByRole('alert')).toHaveText(
    'Nothing answers at \u2068127.0.0.1:9\u2069 (\u2068ECONNREFUSED\u2069). The server may be down, the port wrong, or a firewall in the way.',
  );
  await expect(check.locator('li[data-ok=true]')).toHaveText(['✓ Address']);
  await expect(check.locator('li[data-ok=false]')).toHaveText(['✗ Connection']);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: path.join(shots, 'login-connection-check-en.png') });
  await page.getByLabel('Language').selectOption('he');
  await check.getByRole('button').first().click();
  await expect(check.getByRole('alert')).toContainText('אין מענה ב-\u2068127.0.0.1:9\u2069');
  await page.screenshot({ path: path.join(shots, 'login-connection-check-he.png') });
  await page.getByLabel('שפה').selectOption('en');

  await page.getByLabel('Server').fill(stack.serverUrl);
  await check.getByRole('button', { name: 'Test connection' }).click();
  await expect(check.getByText('Portico can reach the server.')).toBeVisible();
  await expect(check.locator('li[data-ok=true]')).toHaveText(['✓ Address', '✓ Connection', '✓ Web request', '✓ Live connection']);
});

test('the bridge refuses a page that does not hold the per-launch secret', async ({ page }) => {
  const url = new URL(stack.launchUrl);
  await page.goto(`${url.origin}/`);
  await expect(page.getByRole('alert')).toContainText('not opened from the link Portico printed');
});

test('one host is one person in one browser: a second browser is told so, and takes over only when asked', async ({
  browser,
}) => {
  const first = await (await browser.newContext()).newPage();
  await signIn(first, stack.launchUrl, 'zhang.wei');
  await expect(first.getByRole('heading', { name: 'Hello, 张伟' })).toBeVisible();

  // Another browser (another profile, a private window) opening the same link sees no account.
  const second = await (await browser.newContext()).newPage();
  await second.goto(stack.launchUrl);
  const notice = second.getByTestId('host-elsewhere');
  await expect(notice.getByRole('heading')).toHaveText('Portico is open in another browser on this PC');
  await expect(second.getByText('张伟')).toHaveCount(0);
  await second.screenshot({ path: path.join(shots, 'host-elsewhere.png') });
  // A second tab of the first browser is the same browser: it works.
  const tab = await first.context().newPage();
  await tab.goto(stack.launchUrl);
  await expect(tab.getByRole('heading', { name: 'Hello, 张伟' })).toBeVisible();

  await notice.getByRole('button', { name: 'Use Portico in this browser' }).click();
  await expect(second.getByRole('heading', { name: 'Hello, 张伟' })).toBeVisible();
  await expect(first.getByTestId('host-elsewhere').getByRole('heading')).toHaveText('Portico moved to another browser');
  await expect(tab.getByTestId('host-elsewhere')).toBeVisible();
});

import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
const MESSAGES = 10_000;
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startStack({ seed: ['test/e2e/seed-long-chat.ts'] });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

test('a conversation of 10,000 messages opens at the newest, pages back to the first and scrolls in a frame', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, stack.launchUrl, 'liu.yang');
  await page.getByRole('button', { name: /^Chat/ }).click();
  const openStarted = Date.now();
  await page.getByTestId('conversation-row').filter({ hasText: '张伟' }).click();
  const log = page.getByRole('log');
  await expect(log.getByTestId('message').filter({ hasText: `(#${MESSAGES})` })).toBeVisible();
  const openMs = Date.now() - openStarted;

  // Scroll back to the very first message: pages of 100 come from the server as the top nears.
  const loadStarted = Date.now();
  const pages = await log.evaluate(async (element, total) => {
    let pages = 0;
    const deadline = performance.now() + 120_000;
    while (Number(element.dataset['count']) < total && performance.now() < deadline) {
      const before = element.dataset['count'];
      element.scrollTop = 0;
      element.dispatchEvent(new Event('scroll'));
      // Wait for the page to land (the count changes), as a reader resting at the top would.
      for (let i = 0; i < 200 && element.dataset['count'] === before; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      pages += 1;
    }
    return pages;
  }, MESSAGES);
  await expect(log).toHaveAttribute('data-count', String(MESSAGES));
  const loadMs = Date.now() - loadStarted;
  await log.evaluate((element) => (element.scrollTop = 0));
  await expect(log.getByTestId('message').filter({ hasText: '(#1)' })).toBeVisible();
  const rendered = await log.getByTestId('message').count();
  expect(rendered).toBeLessThan(60);

  // Jumps across the whole history: each lands within a couple of frames, and the DOM stays small.
  const frames = await log.evaluate(async (element) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const started = performance.now();
      element.scrollTop = ((i * 7919) % 100) * (element.scrollHeight / 100);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      times.push(performance.now() - started);
    }
    // A steady wheel-like scroll: 120 px per frame for 2 seconds.
    const wheel: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 120; i += 1) {
      element.scrollTop += 120;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      wheel.push(now - last);
      last = now;
    }
    const sorted = [...wheel].sort((a, b) => a - b);
    return { jumpMax: Math.max(...times), wheelP95: sorted[Math.floor(sorted.length * 0.95)]!, wheelMax: sorted.at(-1)! };
  });
  expect(await log.getByTestId('message').count()).toBeLessThan(60);
  await page.screenshot({ path: path.join(shots, 'chat-10000.png') });
  console.log(
    `chat, ${MESSAGES} messages: opened in ${openMs} ms, paged back to the first in ${loadMs} ms, ` +
      `${pages} pages, ${rendered} rows in the DOM; 30 jumps max ${frames.jumpMax.toFixed(1)} ms; ` +
      `wheel scroll frame p95 ${frames.wheelP95.toFixed(1)} ms, max ${frames.wheelMax.toFixed(1)} ms`,
  );
  // Headless Chromium on 2 shared cores: bounds that catch a list that is no longer virtual.
  expect(frames.jumpMax).toBeLessThan(250);
  expect(frames.wheelP95).toBeLessThan(50);
});

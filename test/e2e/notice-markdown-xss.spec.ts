import path from 'node:path';
import react from '@vitejs/plugin-react';
import { expect, test } from '@playwright/test';
import { type ViteDevServer, createServer } from 'vite';
import { xssCorpus } from './fixtures/markdown/xss-corpus.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/markdown');
let vite: ViteDevServer;

test.beforeAll(async () => {
  vite = await createServer({
    configFile: false,
    root: fixture,
    logLevel: 'warn',
    plugins: [react()],
    server: { port: 0, host: '127.0.0.1', fs: { allow: [path.resolve(fixture, '../../../..')] } },
  });
  await vite.listen();
});
test.afterAll(() => vite.close());

test(`${xssCorpus.length} hostile notice bodies render inert in Chromium`, async ({ page }) => {
  expect(xssCorpus.length).toBeGreaterThanOrEqual(50);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(vite.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => (window as { corpusRendered?: boolean }).corpusRendered === true);
  await expect(page.locator('section[data-case]')).toHaveCount(xssCorpus.length + 1);
  // Give anything that was going to fire (onload, onerror, autofocus, animations) its chance.
  await page.mouse.move(300, 300);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1000);

  const findings = await page.evaluate(() => {
    const problems: string[] = [];
    const root = document.querySelector('main')!;
    const forbidden =
      'script, iframe, object, embed, svg, math, style, link, meta, base, form, input, button, template, video, audio, img, noscript, marquee, details';
    for (const el of root.querySelectorAll(forbidden)) problems.push(`element <${el.tagName.toLowerCase()}>`);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) problems.push(`handler ${attr.name} on <${el.tagName.toLowerCase()}>`);
        if (attr.name === 'style') problems.push(`inline style on <${el.tagName.toLowerCase()}>`);
        if (/^\s*(javascript|vbscript|data|file):/i.test(attr.value)) problems.push(`${attr.name}="${attr.value}"`);
      }
    }
    for (const a of root.querySelectorAll('a')) {
      if (!/^https?:\/\//.test(a.getAttribute('href') ?? '')) problems.push(`link ${a.getAttribute('href')}`);
      if (a.getAttribute('target') !== '_blank' || !(a.getAttribute('rel') ?? '').includes('noopener')) {
        problems.push(`link ${a.getAttribute('href')} opens in the app window`);
      }
    }
    return { problems, xss: (window as { __xss?: unknown }).__xss ?? null };
  });
  expect(findings.problems).toEqual([]);
  expect(findings.xss).toBeNull();
  expect(dialogs).toEqual([]);
  // No remote image was fetched (tracking pixels stay text).
  expect(requests.filter((url) => url.includes('tracker.example.com'))).toEqual([]);

  // What a publisher means still renders: bold, a safe link, a table; raw HTML shows as nothing.
  const benign = page.locator('section[data-case="benign"]');
  await expect(benign.locator('strong')).toHaveText('Bold');
  await expect(benign.locator('a')).toHaveAttribute('href', 'https://example.com/policy');
  await expect(benign.locator('table td')).toHaveCount(2);
  await expect(page.locator('section[data-case="44"] .md-image')).toHaveText('[image: x]');
  await expect(page.locator('section[data-case="46"] a')).toHaveAttribute('href', 'https://example.com/');
});

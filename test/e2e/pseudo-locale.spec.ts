import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { APP_PAGES, closeBrowsers, signIn, startStack } from './portico-stack.ts';

/**
 * The pseudo-language (every string accented, 40 % longer, right to left, marked ⟦ ⟧) over every
 * page and the forms and dialogs that open from them: visible text without the marks never went
 * through i18n; a page wider than the window or a label cut off shows where a long language breaks.
 */
const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

/** Words in text nodes outside ⟦ ⟧, leaving out what people wrote (bdi, dir="auto") and Intl's English dates. */
async function unmarkedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const intlWords = new Set<string>(['AM', 'PM']);
    for (let month = 0; month < 12; month += 1) {
      const at = new Date(Date.UTC(2026, month, 3));
      for (const style of ['short', 'long'] as const) {
        intlWords.add(at.toLocaleString('en', { month: style, timeZone: 'UTC' }));
        intlWords.add(at.toLocaleString('en', { weekday: style, timeZone: 'UTC' }));
      }
    }
    const names = new Set(['Portico', 'Ctrl', 'Alt', 'Shift', 'Cmd', 'Esc', 'Enter']); // product and key names stay as they are
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Toasts are written by core in the person's saved language; the pseudo-language is this window's alone.
      if (!parent || parent.closest('bdi, [dir="auto"], script, style, svg, [translate="no"], option, .toast-stack')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getClientRects().length === 0) continue; // not rendered
      const words = (node.textContent ?? '').replace(/⟦[^⟧]*⟧/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
      const stray = words.filter((word) => !intlWords.has(word) && !names.has(word));
      if (stray.length > 0)
        found.push(`"${(node.textContent ?? '').trim().slice(0, 80)}" in <${parent.tagName.toLowerCase()}.${parent.className}>`);
    }
    return found;
  });
}

/** A page wider than the window, or text cut off without an ellipsis. */
async function layoutBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      out.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.children.length > 0 || !el.textContent?.trim() || el.getClientRects().length === 0) continue;
      if (el.clientWidth <= 1) continue; // visually hidden on purpose: read by screen readers only
      const style = getComputedStyle(el);
      const hides = ['hidden', 'clip'].includes(style.overflowX);
      if (hides && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
        out.push(`<${el.tagName.toLowerCase()}.${el.className}> cut: "${el.textContent.trim().slice(0, 60)}"`);
      }
    }
    // Text on text: the glyph boxes of two text nodes cross (a badge over its neighbour, a heading under a tab).
    const runs: { text: string; rect: DOMRect; floating: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('option, script, style') || parent.clientWidth <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const floating = parent.closest('.toast-stack, dialog, [popover]') !== null;
      // What the reader sees of it: cut to every ancestor that hides or scrolls its overflow (an
      // ellipsis, a strip of tabs that scrolls), so text scrolled out of view is not "under" its neighbour.
      const clips: DOMRect[] = [];
      for (let el: HTMLElement | null = parent; el; el = el.parentElement) {
        if (getComputedStyle(el).overflowX !== 'visible') clips.push(el.getBoundingClientRect());
      }
      for (const glyphs of range.getClientRects()) {
        const left = Math.max(glyphs.left, ...clips.map((c) => c.left));
        const right = Math.min(glyphs.right, ...clips.map((c) => c.right));
        const top = Math.max(glyphs.top, ...clips.map((c) => c.top));
        const bottom = Math.min(glyphs.bottom, ...clips.map((c) => c.bottom));
        if (right - left > 0 && bottom - top > 0)
          runs.push({ text, rect: new DOMRect(left, top, right - left, bottom - top), floating });
      }
    }
    for (let i = 0; i < runs.length; i += 1) {
      for (let j = i + 1; j < runs.length; j += 1) {
        const [a, b] = [runs[i]!, runs[j]!];
        if (a.text === b.text || a.floating !== b.floating) continue;
        const overlapX = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const overlapY = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (overlapX > 2 && overlapY > 2) out.push(`"${a.text.slice(0, 30)}" overlaps "${b.text.slice(0, 30)}"`);
      }
    }
    return out;
  });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`every page at ${size.width}×${size.height} in the pseudo-language: all text through i18n, nothing sideways or cut`, async ({
    page,
  }) => {
    await page.addInitScript(() => window.localStorage.setItem('portico.pseudoLanguage', 'on'));
    await signIn(page, stack.launchUrl, 'chen.jing', size);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('en-XA');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const found: string[] = [];
    const check = async (where: string) => {
      await page.waitForTimeout(250);
      found.push(...(await unmarkedText(page)).map((line) => `${where}: unmarked ${line}`));
      found.push(...(await layoutBreaks(page)).map((line) => `${where}: ${line}`));
      await page.screenshot({ path: path.join(shots, `pseudo-${size.width}-${where}.png`) });
    };
    for (const name of APP_PAGES) {
      await page.getByTestId(`nav-${name}`).click();
      await expect(page.getByTestId(`nav-${name}`)).toHaveAttribute('aria-current', 'page');
      await check(name);
    }
    await page.getByTestId('nav-notices').click();
    await page.locator('.approvals-toolbar .primary').click();
    await check('notice-editor');
    await page.getByTestId('nav-approvals').click();
    await page.locator('.approvals-toolbar .primary').click();
    await check('request-picker');
    await page.getByTestId('nav-chat').click();
    await page.locator('.conversation-list .secondary').click();
    await check('new-chat');
    await page.keyboard.press('Escape');
    await page.getByTestId('presence-menu').click();
    await check('status');
    await page.keyboard.press('Escape');
    console.log(found.length === 0 ? `pseudo ${size.width}: every string marked, nothing cut` : found.join('\n'));
    expect(found).toEqual([]);
  });
}

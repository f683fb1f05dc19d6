import path from 'node:path';
import { expect, test } from '@playwright/test';
import { layoutBreaks, unmarkedText } from './page-text-checks.ts';
import { APP_PAGES, signIn, stackForFile } from './portico-stack.ts';

/**
 * The pseudo-language (every string accented, 40 % longer, right to left, marked ⟦ ⟧) over every
 * page and the forms and dialogs that open from them: visible text without the marks never went
 * through i18n; a page wider than the window or a label cut off shows where a long language breaks.
 */
const shots = path.join(import.meta.dirname, 'screenshots');
const stack = stackForFile();

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`every page at ${size.width}×${size.height} in the pseudo-language: all text through i18n, nothing sideways or cut`, async ({
    page,
  }) => {
    await page.addInitScript(() => window.localStorage.setItem('portico.pseudoLanguage', 'on'));
    await signIn(page, stack().launchUrl, 'chen.jing', size);
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

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { APP_PAGES, chooseLanguage, closeBrowsers, signIn, startStack } from './portico-stack.ts';

/**
 * axe-core in Chromium over every page, in light mode and with Windows high contrast
 * (`forced-colors: active`): no serious or critical violation, in English and in Hebrew.
 */
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

for (const forcedColors of ['none', 'active'] as const) {
  test(`every page passes axe with forced-colors ${forcedColors}`, async ({ page }) => {
    await page.emulateMedia({ forcedColors });
    await signIn(page, stack.launchUrl, 'wang.fang');
    const found: string[] = [];
    for (const language of ['en', 'he']) {
      await page.getByTestId('nav-home').click();
      await chooseLanguage(page, language);
      for (const name of APP_PAGES) {
        await page.getByTestId(`nav-${name}`).click();
        await expect(page.getByTestId(`nav-${name}`)).toHaveAttribute('aria-current', 'page');
        await page.waitForTimeout(300);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          const first = v.nodes[0];
          const why = first?.any[0]?.message ?? first?.failureSummary ?? '';
          found.push(`${language} ${name}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${first?.target.join(' ')}: ${why}`);
        }
      }
    }
    // The language is the person's setting in core: leave it as the next test expects it.
    await chooseLanguage(page, 'en');
    console.log(found.length === 0 ? `axe: no serious or critical violation (forced-colors ${forcedColors})` : found.join('\n'));
    expect(found).toEqual([]);
  });
}

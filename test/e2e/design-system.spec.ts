import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { APP_PAGES, chooseLanguage, closeBrowsers, signIn, startStack } from './portico-stack.ts';

/**
 * The design system where people meet it: every control on every page wears the tokens, the
 * new-chat dialog is a real modal (focus kept inside, Escape, focus back), the status panel is a
 * popover that stays on screen in both directions, and the notice editor keeps its width when it
 * edits inside the publisher's split view.
 */
const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

const CONTROL_EDGE = 'rgb(138, 150, 163)'; // --control-edge
const FOCUS = 'rgb(25, 97, 209)'; // --focus-ring-color

/** Text controls and selects that do not wear the tokens' edge and radius. */
async function offTokenControls(page: Page): Promise<string[]> {
  return page.evaluate((edge) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]), select, textarea',
    );
    return [...controls]
      .filter((el) => el.offsetParent !== null && el !== document.activeElement && el.getAttribute('aria-invalid') !== 'true')
      .filter((el) => !el.closest('.palette'))
      .flatMap((el) => {
        const style = getComputedStyle(el);
        const ok = style.borderTopLeftRadius === '8px' && style.borderTopColor === edge;
        const name = el.getAttribute('aria-label') ?? el.id ?? el.outerHTML.slice(0, 60);
        return ok
          ? []
          : [`${el.tagName.toLowerCase()} "${name}": radius ${style.borderTopLeftRadius}, edge ${style.borderTopColor}`];
      });
  }, CONTROL_EDGE);
}

test('every control on every page wears the tokens, and keyboard focus shows the one ring', async ({ page }) => {
  await signIn(page, stack.launchUrl, 'chen.jing');
  const found: string[] = [];
  for (const name of APP_PAGES) {
    await page.getByTestId(`nav-${name}`).click();
    await expect(page.getByTestId(`nav-${name}`)).toHaveAttribute('aria-current', 'page');
    await page.waitForTimeout(200);
    found.push(...(await offTokenControls(page)).map((line) => `${name}: ${line}`));
  }
  await page.getByTestId('nav-notices').click();
  await page.getByRole('button', { name: 'New notice' }).click();
  found.push(...(await offTokenControls(page)).map((line) => `notice editor: ${line}`));
  expect(found).toEqual([]);

  // Keyboard focus on a button draws the focus token as an outline (forced-colors keeps outlines).
  await page.getByTestId('nav-home').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, colour: style.outlineColor, width: style.outlineWidth };
  });
  expect(ring).toEqual({ style: 'solid', colour: FOCUS, width: '2px' });
});

test('the new-chat dialog is modal: focus stays inside, Escape closes it and focus comes back', async ({ page }) => {
  await signIn(page, stack.launchUrl, 'zhang.wei');
  await page.getByTestId('nav-chat').click();
  const opener = page.getByRole('button', { name: 'New chat' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New chat' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.matches(':modal'))).toBe(true);
  await expect(dialog.getByRole('searchbox', { name: 'Search by name, pinyin or department' })).toBeFocused();
  await dialog.getByRole('searchbox').fill('wang');
  await page.screenshot({ path: path.join(shots, 'design-new-chat.png') });
  const { violations } = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
  }
  // Escape in a filled search box clears it first (the browser's rule); from a checkbox it closes.
  await dialog.getByRole('checkbox').first().focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

for (const language of ['en', 'he'] as const) {
  test(`the status panel is a popover on screen beside its button (${language}), closed by Escape or a click outside`, async ({
    page,
  }) => {
    await signIn(page, stack.launchUrl, 'wang.fang');
    await chooseLanguage(page, language);
    const trigger = page.getByTestId('presence-menu');
    await trigger.click();
    const panel = page.locator('.popover:popover-open');
    await expect(panel).toBeVisible();
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const [box, anchor] = [await panel.boundingBox(), await trigger.boundingBox()];
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    expect(box!.y).toBeGreaterThanOrEqual(anchor!.y + anchor!.height);
    await page.screenshot({ path: path.join(shots, `design-status-${language}.png`) });
    const { violations } = await new AxeBuilder({ page }).include('.popover').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await trigger.click();
    await expect(panel).toBeVisible();
    await page.mouse.click(400, 600);
    await expect(panel).toBeHidden();
    if (language === 'he') await chooseLanguage(page, 'en');
  });
}

test('the notice editor keeps the width of its column when a publisher edits a sent notice', async ({ page }) => {
  await signIn(page, stack.launchUrl, 'chen.jing');
  await page.getByTestId('nav-notices').click();
  await page.getByRole('button', { name: 'New notice' }).click();
  await page.getByLabel('Title').fill('Lift maintenance on Friday');
  await page.getByLabel('Text (Markdown)').fill('The east lift stops from 9 to 11.');
  await page.getByRole('group', { name: 'Departments' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.locator('#reach-title')).toHaveText('Lift maintenance on Friday');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.locator('.publish-form');
  await expect(form.getByLabel('Title')).toHaveValue('Lift maintenance on Friday');
  const column = await page.locator('.detail-column').boundingBox();
  const editor = await form.boundingBox();
  expect(editor!.width).toBeGreaterThan(column!.width * 0.9);
  for (const label of ['Title', 'Text (Markdown)']) {
    const width = await form.getByLabel(label, { exact: true }).evaluate((el) => el.getBoundingClientRect().width);
    expect(width, label).toBeGreaterThan(editor!.width * 0.85);
  }
  await page.screenshot({ path: path.join(shots, 'design-notice-edit.png') });
});

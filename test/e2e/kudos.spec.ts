import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chooseLanguage, signIn, stackForFile } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
const stack = stackForFile({ hosts: 2 });

test('a person thanks a colleague from People: the colleague gets a toast, and the thanks count on their row', async ({
  browser,
}) => {
  const wang = await (await browser.newContext()).newPage();
  const zhang = await (await browser.newContext()).newPage();
  await signIn(wang, stack().launchUrls[0]!, 'wang.fang');
  await signIn(zhang, stack().launchUrls[1]!, 'zhang.wei');

  await wang.getByTestId('nav-people').click();
  await wang.getByLabel('Search by name, pinyin or department').fill('zw');
  // Nobody thanks themselves: Wang's own row has no Thank button.
  await expect(wang.getByRole('button', { name: /^Thank .*王芳/ })).toHaveCount(0);
  await wang.getByRole('button', { name: /^Thank .*张伟/ }).click();
  const dialog = wang.getByRole('dialog', { name: /Thank .*张伟/ });
  await expect(dialog.getByText('No thanks yet.')).toBeVisible();
  const send = dialog.getByRole('button', { name: 'Send thanks' });
  await expect(send).toBeDisabled();
  await dialog.getByLabel('What are you thanking them for?').fill('谢谢你周末帮忙核对投标文件！');
  const { violations } = await new AxeBuilder({ page: wang }).include('dialog').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await wang.screenshot({ path: path.join(shots, 'kudos-dialog.png') });
  await send.click();
  await expect(dialog).toHaveCount(0);
  await expect(wang.getByRole('status').filter({ hasText: 'Your thanks reached' })).toContainText('张伟');

  // Zhang hears it at once, with Wang's words.
  const toast = zhang.locator('.toast[data-kind="kudos"]');
  await expect(toast).toContainText('王芳 thanked you');
  await expect(toast).toContainText('谢谢你周末帮忙核对投标文件');
  await zhang.screenshot({ path: path.join(shots, 'kudos-toast.png') });

  // Both People pages count it on Zhang's row.
  const zhangRow = wang.locator('.person-entry').filter({ has: wang.getByTestId('person-row').filter({ hasText: '张伟' }) });
  await expect(zhangRow.locator('.thank-count')).toContainText('1');
  await expect(zhangRow.locator('.thank-count')).toHaveAttribute('title', 'Thanked once in the last 30 days');
  await zhang.getByTestId('nav-people').click();
  await zhang.getByLabel('Search by name, pinyin or department').fill('zw');
  await expect(
    zhang
      .locator('.person-entry')
      .filter({ has: zhang.getByTestId('person-row').filter({ hasText: '张伟' }) })
      .locator('.thank-count'),
  ).toContainText('1');
  await wang.screenshot({ path: path.join(shots, 'kudos-people.png') });

  // Opening the dialog again shows the thanks among the recent ones; in Hebrew, right to left.
  await chooseLanguage(wang, 'he');
  await wang.getByRole('button', { name: /להודות ל.*张伟/ }).click();
  const hebrew = wang.getByRole('dialog');
  await expect(hebrew.getByText('谢谢你周末帮忙核对投标文件！')).toBeVisible();
  await expect(wang.locator('html')).toHaveAttribute('dir', 'rtl');
  await wang.screenshot({ path: path.join(shots, 'kudos-dialog-hebrew.png') });
  await hebrew.getByRole('button', { name: 'ביטול' }).click();
  await chooseLanguage(wang, 'en');
});

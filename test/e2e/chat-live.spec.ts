import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowsers, signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack({ hosts: 2 });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

test('two people chat live: typing, unread badge, Markdown, receipts, presence', async ({ browser }) => {
  const zhangContext = await browser.newContext();
  const liuContext = await browser.newContext();
  const zhang = await zhangContext.newPage();
  const liu = await liuContext.newPage();
  await signIn(zhang, stack.launchUrls[0]!, 'zhang.wei');
  await signIn(liu, stack.launchUrls[1]!, 'liu.yang');

  // Zhang finds Liu in People by pinyin initials and starts a chat.
  await zhang.getByRole('button', { name: 'People', exact: true }).click();
  await zhang.getByLabel('Search by name, pinyin or department').fill('ly');
  await zhang.getByTestId('person-row').filter({ hasText: '刘洋' }).click();
  const conversation = zhang.getByTestId('conversation');
  await expect(conversation.getByRole('heading', { name: '刘洋' })).toBeVisible();
  await expect(conversation.getByText('Online')).toBeVisible();

  const box = zhang.getByLabel('Message', { exact: true });
  await box.pressSequentially('订单号');
  // Liu sees nothing yet but the badge once the message is sent; first, typing shows in an open chat.
  await box.fill('订单号 **SO-2026-11873** 到了吗？');
  await box.press('Enter');
  await expect(conversation.getByTestId('message').last()).toContainText('SO-2026-11873');
  await expect(conversation.getByTestId('message').last().locator('strong')).toHaveText('SO-2026-11873');
  await expect(conversation.getByTestId('receipt').last()).toHaveText('Unread');

  const chatNav = liu.getByRole('button', { name: /^Chat/ });
  await expect(chatNav.locator('.badge')).toHaveText('1');
  await expect(chatNav.locator('.badge')).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(chatNav.locator('.badge')).toHaveCSS('background-color', 'rgb(25, 97, 209)');
  await chatNav.click();
  await liu.getByTestId('conversation-row').filter({ hasText: '张伟' }).click();
  const liuConversation = liu.getByTestId('conversation');
  await expect(liuConversation.getByTestId('message').last()).toContainText('SO-2026-11873');
  await expect(chatNav.locator('.badge')).toHaveCount(0);

  // Read receipt reaches Zhang.
  await expect(conversation.getByTestId('receipt').last()).toHaveText('Read');

  // Liu types: Zhang sees it; Liu answers with Shift+Enter for a second line.
  const liuBox = liu.getByLabel('Message', { exact: true });
  await liuBox.pressSequentially('到了');
  await expect(zhang.getByTestId('typing')).toHaveText('刘洋 is typing…');
  await liuBox.press('Shift+Enter');
  await liuBox.pressSequentially('在仓库');
  await liuBox.press('Enter');
  await expect(conversation.getByTestId('message').last()).toContainText('到了');
  await expect(conversation.getByTestId('message').last()).toContainText('在仓库');
  // What Liu was typing has arrived: the line clears at once, not seconds later.
  await expect(zhang.getByTestId('typing')).toHaveText('', { timeout: 500 });

  await zhang.screenshot({ path: path.join(shots, 'chat-zhang.png') });
  await liu.screenshot({ path: path.join(shots, 'chat-liu.png') });

  // Search finds the order number offline from the cache.
  await liu.getByLabel('Search messages').fill('11873');
  await expect(liu.getByRole('region', { name: 'Search results' }).getByRole('button')).toHaveCount(1);
  await zhangContext.close();
  await liuContext.close();
});

test('Home shows the leaders strip; chat and people read right to left in Hebrew', async ({ page }) => {
  await signIn(page, stack.launchUrls[0]!, 'zhang.wei');
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  const strip = page.getByTestId('leaders-strip');
  await expect(strip.getByRole('button', { name: /王芳/ })).toContainText('Manager');
  await expect(strip.getByRole('button', { name: /高健/ })).toContainText('Executive');
  await page.screenshot({ path: path.join(shots, 'home-leaders.png') });

  // Setting a status by hand: it shows in the top bar (and to everyone who follows this user).
  await page.getByTestId('presence-menu').click();
  const menu = page.getByRole('dialog', { name: 'My status' });
  await menu.getByRole('combobox').first().selectOption('meeting');
  await menu.getByLabel('Status text').fill('客户拜访');
  await menu.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('presence-menu')).toHaveText(/In a meeting/);

  await page.getByLabel('Language').selectOption('he');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: /^צ.אט/ }).click();
  await page.getByTestId('conversation-row').first().click();
  await expect(page.getByTestId('conversation').getByTestId('message').first()).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'chat-hebrew-rtl.png') });
  await page.getByRole('button', { name: 'אנשים', exact: true }).click();
  await page.getByLabel('חיפוש לפי שם, פין-יין או מחלקה').fill('wf');
  await expect(page.getByTestId('person-row').filter({ hasText: '王芳' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'people-hebrew-rtl.png') });
  await page.getByLabel('שפה').selectOption('en');
});

import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;

test.beforeAll(async () => {
  stack = await startStack({ hosts: 2 });
});
test.afterAll(() => stack.stop());

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
  await zhang.getByRole('button', { name: /刘洋/ }).click();
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

  await zhang.screenshot({ path: path.join(shots, 'chat-zhang.png') });
  await liu.screenshot({ path: path.join(shots, 'chat-liu.png') });

  // Search finds the order number offline from the cache.
  await liu.getByLabel('Search messages').fill('11873');
  await expect(liu.getByRole('region', { name: 'Search results' }).getByRole('button')).toHaveCount(1);
  await zhangContext.close();
  await liuContext.close();
});

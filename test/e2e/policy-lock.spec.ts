import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowsers, startStack } from './portico-stack.ts';

const shots = path.join(import.meta.dirname, 'screenshots');
let stack: Awaited<ReturnType<typeof startStack>>;
const policyFile = path.join(mkdtempSync(path.join(tmpdir(), 'portico-policy-')), 'policy.json');

test.beforeAll(async () => {
  // The server address is filled in once the stack knows it; the host reads the file at start.
  stack = await startStack({
    hostEnv: (serverUrl) => {
      writeFileSync(
        policyFile,
        JSON.stringify({
          serverUrl,
          allowServerChange: false,
          chatEnabled: false,
          defaultLanguage: 'zh-CN',
          lockLanguage: true,
          autoStart: 'yes please',
        }),
      );
      return { PORTICO_POLICY_FILE: policyFile };
    },
  });
});
test.afterAll(() => stack.stop());
test.afterEach(closeBrowsers);

test('a server locked by policy shows read-only, cannot be changed, and the locked policy language and the chat switch apply', async ({
  page,
}) => {
  await page.goto(stack.launchUrl);
  const server = page.getByLabel('服务器');
  await expect(server).toHaveValue(stack.serverUrl);
  await expect(server).toHaveAttribute('readonly', '');
  await expect(page.getByText('由 IT 部门设定。')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'policy-locked-server-zh-CN.png') });
  await page.getByLabel('用户名').fill('zhang.wei');
  await page.getByLabel('密码').fill('portico-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('connection')).toHaveText(/已连接/);
  await expect(page.getByRole('button', { name: '聊天' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '审批', exact: true })).toBeVisible();
  // IT locked the language: the switch shows it, read-only, and says who set it.
  const language = page.getByRole('combobox', { name: '语言' });
  await expect(language).toHaveValue('zh-CN');
  await expect(language).toBeDisabled();
  await expect(language).toHaveAccessibleDescription('由 IT 部门设定。');
});

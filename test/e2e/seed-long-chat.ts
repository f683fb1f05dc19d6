/**
 * Seeds a server data folder with a direct conversation of 10,000 messages between zhang.wei and
 * liu.yang, sent through the real chat service (`node test/e2e/seed-long-chat.ts <dataDir> [count]`).
 */
import pino from 'pino';
import { startPorticoServer } from '../../server/app.ts';
import { defaultConfig } from '../../server/config.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: seed-long-chat.ts <dataDir> [count]');
const COUNT = Number(process.argv[3] ?? 10_000);

const server = await startPorticoServer(
  { ...defaultConfig, demo: true, port: 0, dataDir, logLevel: 'silent' },
  { logger: pino({ level: 'silent' }) },
);
const { chat, gate } = server.services;
const started = performance.now();
const { conversationId } = await chat.conversations.create('u_zhang_wei', {
  kind: 'direct',
  title: null,
  memberIds: ['u_liu_yang'],
});
const lines = [
  '好的',
  '订单号 SO-2026-{n} 已发货，请查收。',
  'Can you check the **invoice** for Shenzhen before Friday?\nThe numbers in row {n} look off.',
  '明天上午十点开会，会议室三楼。议程：\n1. 季度目标\n2. 客户回访\n3. 报销流程',
  '收到 👍',
];
await gate.transaction(async () => {
  for (let n = 1; n <= COUNT; n += 1) {
    const from = n % 3 === 0 ? 'u_liu_yang' : 'u_zhang_wei';
    const text = `${lines[n % lines.length]!.replaceAll('{n}', String(n))} (#${n})`;
    await chat.messages.send(from, { conversationId, text, mentions: [], replyToId: null, attachmentIds: [] }, null);
  }
});
console.log(`seeded ${COUNT} messages in ${conversationId} in ${Math.round(performance.now() - started)} ms`);
await server.close();

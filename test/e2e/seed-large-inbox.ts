/**
 * Seeds a server data folder with a leader's inbox of 5,000 tasks and one request whose chain has
 * 20 steps, through the real workflow services (`node test/e2e/seed-large-inbox.ts <dataDir>`).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import pino from 'pino';
import { startPorticoServer } from '../../server/app.ts';
import { defaultConfig } from '../../server/config.ts';
import { builtinTemplates } from '../../server/features/approvals/builtin-templates.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: seed-large-inbox.ts <dataDir>');
const TASKS = Number(process.argv[3] ?? 5000);

const server = await startPorticoServer(
  { ...defaultConfig, demo: true, port: 0, dataDir, logLevel: 'silent' },
  { logger: pino({ level: 'silent' }) },
);
const { approvals } = server.services;
// A second connection, as an HR import tool would use, for the accounts the directory has no API for yet.
const db = new Database(path.join(dataDir, 'portico.sqlite'));
const started = performance.now();

// Twenty auditors, so a 20-step chain names a different person at every step.
const hash = (db.prepare("SELECT password_hash FROM users WHERE id = 'u_wang_fang'").get() as { password_hash: string })
  .password_hash;
const insertUser = db.prepare(
  `INSERT INTO users (id, username, display_name, department_id, manager_id, password_hash, created_at) VALUES (?, ?, ?, 'd_finance', 'u_li_na', ?, ?)`,
);
db.transaction(() => {
  for (let i = 1; i <= 19; i += 1) insertUser.run(`u_auditor_${i}`, `auditor.${i}`, `Auditor ${i}`, hash, Date.now());
})();
approvals.templates.save(
  {
    ...builtinTemplates[1]!,
    key: 'capex',
    name: { en: 'Capital expenditure', 'zh-CN': '资本支出' },
    steps: [
      { name: { en: 'Manager', 'zh-CN': '直属上级' }, approvers: { kind: 'manager' }, mode: 'any' },
      ...Array.from({ length: 19 }, (_, i) => ({
        name: { en: `Audit ${i + 1}`, 'zh-CN': `审计 ${i + 1}` },
        approvers: { kind: 'users' as const, userIds: [`u_auditor_${i + 1}`] },
        mode: 'any' as const,
      })),
    ],
  },
  Date.now(),
  'u_huang_min',
);
approvals.service.submit('u_zhang_wei', {
  templateKey: 'capex',
  values: { category: 'office', amount: 250_000, purpose: 'Twenty-step capex: new warehouse racks', details: null },
  attachmentIds: [],
});

const team = ['u_zhang_wei', 'u_liu_yang', 'u_sun_li', 'u_zhou_jie'];
const now = Date.now();
for (let i = 0; i < TASKS; i += 1) {
  approvals.service.submit(
    team[i % team.length]!,
    {
      templateKey: 'expense',
      values: { category: 'travel', amount: 100 + (i % 400), purpose: `Taxi receipts batch ${i + 1}`, details: null },
      attachmentIds: [],
    },
    now - (TASKS - i) * 1000,
  );
}
console.log(`seeded ${TASKS} tasks and a 20-step request in ${Math.round(performance.now() - started)} ms`);
db.close();
await server.close();

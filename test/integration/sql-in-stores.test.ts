/**
 * The lint rule that keeps SQL in the storage implementation: it reports SQL by its shape (not an
 * HTTP DELETE or a sentence) and statements prepared on a database anywhere else on the server, and
 * no server file is exempt from it (only tests, which read the tables to check them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import sqlInStores from '../../scripts/lint/sql-in-stores.js';

const root = path.resolve(import.meta.dirname, '../..');
const linter = new Linter({ configType: 'flat' });
const problems = (code: string, filename: string) =>
  linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { portico: { rules: { 'sql-in-stores': sqlInStores } } },
          rules: { 'portico/sql-in-stores': 'error' },
        },
      ],
      { filename: path.join(root, filename) },
    )
    .map((m) => m.message);

describe('portico/sql-in-stores', () => {
  it('refuses SQL and prepared statements outside the stores', () => {
    expect(problems("db.prepare('SELECT id FROM users WHERE id = ?').get(id);", 'server/features/x/x-service.ts')).toEqual([
      expect.stringMatching(/SQL belongs in a \*-store\.ts file/),
    ]);
    expect(problems('const q = `UPDATE users SET name = ? WHERE id = ?`;', 'server/features/x/x-routes.ts')).toHaveLength(1);
    expect(problems("db.exec('DELETE FROM tickets');", 'server/features/x/x-timer.ts')).toHaveLength(1);
    expect(problems('db.prepare(query);', 'server/features/x/x-service.ts')).toEqual([expect.stringMatching(/prepared in a/)]);
  });

  it('accepts the stores, server/store, and words that only look like SQL', () => {
    expect(problems("db.prepare('SELECT id FROM users').all();", 'server/features/x/x-store.ts')).toEqual([]);
    expect(problems("db.exec('PRAGMA journal_mode = WAL');", 'server/store/database.ts')).toEqual([]);
    expect(problems("routes.add('DELETE', '/api/tools/:id', handler);", 'server/features/x/x-routes.ts')).toEqual([]);
    expect(problems("const summary = 'Create an approval task from another system';", 'server/features/x/openapi.ts')).toEqual(
      [],
    );
    // A regular expression's exec and a workflow hook's prepare are not statements.
    expect(problems('const m = /^::ffff:(.*)$/i.exec(text);', 'server/features/x/network-rule.ts')).toEqual([]);
    expect(problems('const v = deps.hooks.prepare(key, values);', 'server/features/x/submission.ts')).toEqual([]);
    // A statement prepared on anything named like a database is one, however it is reached.
    expect(problems('this.db.prepare(query);', 'server/features/x/x-service.ts')).toHaveLength(1);
    expect(problems("deps.database.exec('VACUUM');", 'server/gateway/x-routes.ts')).toHaveLength(1);
  });

  it('exempts no server file: SQL lives only in the stores and server/store', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const file of ['server/delivery/event-log.ts', 'server/demo/seed-demo.ts', 'server/features/launcher/sso-key-ring.ts']) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown> };
      expect(config.rules['portico/sql-in-stores'], file).toBeDefined();
    }
    const source = readFileSync(path.join(root, 'eslint.config.js'), 'utf8');
    const block = source.slice(source.indexOf("files: ['server/**/*.ts']"), source.indexOf("'portico/sql-in-stores': 'error'"));
    expect([...block.matchAll(/'(server\/[\w./-]+\.ts)'/g)].map((m) => m[1])).toEqual([]);
  });
});

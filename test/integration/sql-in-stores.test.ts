/**
 * The lint rule that keeps SQL in the storage implementation, and its list of files still to move:
 * the rule reports SQL by its shape (not an HTTP DELETE or a sentence), and every file on the list
 * still holds SQL, so the list can only shrink.
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
  });

  it('lists only files that still hold SQL, so the list only shrinks', async () => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(
      path.join(root, 'server/features/x/x-service.ts'),
    )) as {
      rules: Record<string, unknown>;
    };
    expect(config.rules['portico/sql-in-stores']).toBeDefined();
    const source = readFileSync(path.join(root, 'eslint.config.js'), 'utf8');
    const block = source.slice(source.indexOf("files: ['server/**/*.ts']"), source.indexOf("'portico/sql-in-stores': 'error'"));
    const listed = [...block.matchAll(/'(server\/[\w./-]+\.ts)'/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(0);
    const clean = listed.filter((file) => problems(readFileSync(path.join(root, file), 'utf8'), file).length === 0);
    expect(clean).toEqual([]);
  });
});

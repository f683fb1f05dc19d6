import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

const migrationsDir = path.join(import.meta.dirname, 'migrations');

/**
 * Opens the server database in WAL mode and applies the numbered migrations it has not seen.
 * synchronous=NORMAL in WAL survives a killed process (the WAL is in the OS page cache); only
 * a power cut can lose the last transactions, which `durability: 'full'` closes.
 */
export function openServerDatabase(file: string, options: { durability?: 'normal' | 'full' } = {}): Db {
  if (file !== ':memory:') keepPrivate(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * The data folder and the database (which holds the ticket-signing private keys) belong to the
 * server's account alone: the folder 0700, the file 0600 before SQLite opens it, so its WAL and
 * shared-memory files (which SQLite creates with the database's mode) are private too.
 */
function keepPrivate(file: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Throws when the database does not answer a query (the readiness probe asks this). */
export function pingDatabase(db: Db): void {
  db.prepare('SELECT 1').get();
}

export function listMigrations(): { version: number; file: string }[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .map((name) => ({
      version: Number(name.slice(0, 3)),
      file: path.join(migrationsDir, name),
    }))
    .sort((a, b) => a.version - b.version);
}

/** The database was written by a newer server: running this one on it could misread or damage it. */
export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `the database's schema is version ${found}, newer than this server knows (${known}): a newer Portico server has used it. ` +
        'Run that version (or newer), or restore a backup made with this one.',
    );
  }
}

export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = listMigrations().at(-1)?.version ?? 0;
  if (current > known) throw new SchemaTooNewError(current, known);
  let applied = current;
  for (const migration of listMigrations()) {
    if (migration.version <= current) continue;
    const sql = readFileSync(migration.file, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied = migration.version;
  }
  return applied;
}

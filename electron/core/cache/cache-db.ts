import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { cacheMigrations } from './cache-migrations.ts';

export type CacheDb = Database.Database;

/** Opens (and migrates) one user's cache on one server. WAL, so reads never wait on the writer. */
export function openCacheDb(file: string): CacheDb {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const version = db.pragma('user_version', { simple: true }) as number;
  cacheMigrations.forEach((sql, index) => {
    if (index + 1 <= version) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    })();
  });
  return db;
}

import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { listMigrations } from './database.ts';

/**
 * The database side of backups: a consistent copy taken while the server writes, and the checks a
 * restored copy must pass. `VACUUM INTO` reads one snapshot in one read transaction, so in WAL mode
 * it neither blocks the server's writers nor restarts when they commit (SQLite's page-by-page
 * backup API starts over whenever another connection writes, and under steady writes may never end).
 */
export function snapshotInto(databaseFile: string, target: string): { schemaVersion: number } {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    db.prepare('VACUUM INTO ?').run(target);
    return { schemaVersion };
  } finally {
    db.close();
  }
}

/** The newest schema this server knows. */
export function knownSchemaVersion(): number {
  return listMigrations().at(-1)?.version ?? 0;
}

/** What a database file says about itself: its schema version and SQLite's integrity check. */
export function inspectDatabase(file: string): { schemaVersion: number; integrity: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    return { schemaVersion, integrity };
  } finally {
    db.close();
  }
}

/**
 * A restored log gets a new epoch: events after the backup are gone and their sequence numbers
 * will be used again, so every PC takes a fresh snapshot once instead of resuming past them.
 */
export function renewLogEpoch(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    const epoch = randomUUID();
    db.prepare("INSERT INTO meta (key, value) VALUES ('log_epoch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      epoch,
    );
    return epoch;
  } finally {
    db.close();
  }
}

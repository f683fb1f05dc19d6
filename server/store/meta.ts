import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';

/** Server-wide values kept with the data: the log epoch changes only when the data folder is new. */
export function readOrCreateMeta(db: Db, key: string, create: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = create();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}

export function logEpoch(db: Db): string {
  return readOrCreateMeta(db, 'log_epoch', () => randomUUID());
}

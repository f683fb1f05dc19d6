import type { Statement } from 'better-sqlite3';
import type { Db } from './database.ts';

/** One SQLite transaction opened and closed by hand, for work that is written as async. */
export interface ManualTransaction {
  commit(): void;
  rollback(): void;
}

const statements = new WeakMap<Db, { begin: Statement; commit: Statement; rollback: Statement }>();

/**
 * Begins an IMMEDIATE transaction (the write lock is taken now, so a busy database fails here and
 * not halfway through). better-sqlite3's `db.transaction()` only wraps synchronous functions.
 */
export function beginImmediate(db: Db): ManualTransaction {
  let sql = statements.get(db);
  if (!sql) {
    sql = { begin: db.prepare('BEGIN IMMEDIATE'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK') };
    statements.set(db, sql);
  }
  const { begin, commit, rollback } = sql;
  begin.run();
  return {
    commit: () => void commit.run(),
    // A failed statement can end the transaction on its own (SQLITE_FULL does): then there is nothing to undo.
    rollback: () => {
      if (db.inTransaction) rollback.run();
    },
  };
}

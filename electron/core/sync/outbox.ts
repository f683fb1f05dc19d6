import { randomUUID } from 'node:crypto';
import type { MethodName } from '../../../shared/protocol/methods.ts';
import type { CacheDb } from '../cache/cache-db.ts';

export interface OutboxItem {
  localId: number;
  actionId: string;
  method: MethodName;
  params: unknown;
  createdAt: number;
}

/**
 * Actions waiting for the server, in the order the user made them. An item leaves only when the
 * server has answered it; a resend carries the same actionId, so it has one effect.
 */
export class Outbox {
  private readonly insertStmt;
  private readonly headStmt;
  private readonly allStmt;
  private readonly deleteStmt;
  private readonly countStmt;

  constructor(db: CacheDb) {
    this.insertStmt = db.prepare('INSERT INTO outbox (action_id, method, params, created_at) VALUES (?, ?, ?, ?)');
    this.headStmt = db.prepare<[], Row>('SELECT * FROM outbox ORDER BY local_id LIMIT 1');
    this.allStmt = db.prepare<[], Row>('SELECT * FROM outbox ORDER BY local_id');
    this.deleteStmt = db.prepare('DELETE FROM outbox WHERE action_id = ?');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox');
  }

  add(method: MethodName, params: unknown, now: number): OutboxItem {
    const actionId = randomUUID();
    const { lastInsertRowid } = this.insertStmt.run(actionId, method, JSON.stringify(params), now);
    return { localId: Number(lastInsertRowid), actionId, method, params, createdAt: now };
  }

  head(): OutboxItem | null {
    const row = this.headStmt.get();
    return row ? toItem(row) : null;
  }

  all(): OutboxItem[] {
    return this.allStmt.all().map(toItem);
  }

  remove(actionId: string): void {
    this.deleteStmt.run(actionId);
  }

  size(): number {
    return this.countStmt.get()!.n;
  }
}

interface Row {
  local_id: number;
  action_id: string;
  method: string;
  params: string;
  created_at: number;
}

const toItem = (row: Row): OutboxItem => ({
  localId: row.local_id,
  actionId: row.action_id,
  method: row.method as MethodName,
  params: JSON.parse(row.params) as unknown,
  createdAt: row.created_at,
});

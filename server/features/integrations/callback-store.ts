import type { Db } from '../../store/database.ts';

/** A decision still owed to another system. */
export interface DueCallback {
  id: string;
  integrationId: string;
  url: string;
  body: string;
  attempts: number;
  createdAt: number;
}

export interface NewCallback {
  id: string;
  integrationId: string;
  requestId: string;
  url: string;
  /** The JSON POSTed, stored as sent so every retry signs the same bytes. */
  body: string;
  at: number;
}

/** Callback deliveries: written with the decision, then marked delivered, retried later or given up. */
export class CallbackStore {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      insert: db.prepare<NewCallback>(
        `INSERT INTO callback_deliveries (id, integration_id, request_id, url, body, next_attempt_at, created_at)
         VALUES (@id, @integrationId, @requestId, @url, @body, @at, @at)`,
      ),
      due: db.prepare<[number, number], DueCallback>(
        `SELECT id, integration_id AS integrationId, url, body, attempts, created_at AS createdAt FROM callback_deliveries
         WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
      ),
      delivered: db.prepare<[number, number, string]>(
        'UPDATE callback_deliveries SET delivered_at = ?, attempts = ? WHERE id = ?',
      ),
      retry: db.prepare<[number, number, string, string]>(
        'UPDATE callback_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?',
      ),
      failed: db.prepare<[number, number, string, string]>(
        'UPDATE callback_deliveries SET failed_at = ?, attempts = ?, last_error = ? WHERE id = ?',
      ),
    };
  }

  insert(callback: NewCallback): void {
    this.sql.insert.run(callback);
  }

  /** Up to `limit` deliveries whose next attempt is at or before `now`, the longest waiting first. */
  due(now: number, limit: number): DueCallback[] {
    return this.sql.due.all(now, limit);
  }

  delivered(id: string, at: number, attempts: number): void {
    this.sql.delivered.run(at, attempts, id);
  }

  retryAt(id: string, nextAttemptAt: number, attempts: number, error: string): void {
    this.sql.retry.run(attempts, nextAttemptAt, error, id);
  }

  failed(id: string, at: number, attempts: number, error: string): void {
    this.sql.failed.run(at, attempts, error, id);
  }
}

import type { NoticeSummary } from '../../../../shared/domain/notice.ts';
import type { CacheDb } from '../../cache/cache-db.ts';

interface Row {
  id: string;
  title: string;
  body: string;
  priority: NoticeSummary['priority'];
  requires_ack: number;
  published_at: number;
  publisher_name: string;
  read_at: number | null;
}

/** The client's copy of the notices addressed to this user. */
export class NoticesCache {
  private readonly upsertStmt;
  private readonly readStmt;
  private readonly listStmt;
  private readonly unreadStmt;
  private readonly db: CacheDb;

  constructor(db: CacheDb) {
    this.db = db;
    this.upsertStmt = db.prepare(
      `INSERT INTO notices (id, title, body, priority, requires_ack, published_at, publisher_name, read_at)
       VALUES (@id, @title, @body, @priority, @requiresAck, @publishedAt, @publisherName, @readAt)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, priority = excluded.priority,
         requires_ack = excluded.requires_ack, read_at = coalesce(notices.read_at, excluded.read_at)`,
    );
    this.readStmt = db.prepare('UPDATE notices SET read_at = ? WHERE id = ? AND read_at IS NULL');
    this.listStmt = db.prepare<[number], Row>(
      'SELECT * FROM notices ORDER BY (read_at IS NULL) DESC, published_at DESC, id DESC LIMIT ?',
    );
    this.unreadStmt = db.prepare<[], { unread: number; unacked: number }>(
      `SELECT count(*) FILTER (WHERE read_at IS NULL) AS unread,
              count(*) FILTER (WHERE read_at IS NULL AND requires_ack = 1) AS unacked FROM notices`,
    );
  }

  upsert(notice: NoticeSummary): void {
    this.upsertStmt.run({ ...notice, requiresAck: notice.requiresAck ? 1 : 0 });
  }

  markRead(noticeId: string, readAt: number): void {
    this.readStmt.run(readAt, noticeId);
  }

  replaceAll(notices: readonly NoticeSummary[]): void {
    this.db.prepare('DELETE FROM notices').run();
    for (const notice of notices) this.upsert(notice);
  }

  list(limit = 500): NoticeSummary[] {
    return this.listStmt.all(limit).map((row) => ({
      id: row.id,
      title: row.title,
      body: row.body,
      priority: row.priority,
      requiresAck: row.requires_ack === 1,
      publishedAt: row.published_at,
      publisherName: row.publisher_name,
      readAt: row.read_at,
    }));
  }

  counts(): { unread: number; unacknowledgedRequired: number } {
    const row = this.unreadStmt.get()!;
    return { unread: row.unread, unacknowledgedRequired: row.unacked };
  }
}

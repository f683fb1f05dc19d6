import type { NoticeSummary } from '../../../shared/domain/notice.ts';
import type { Db } from '../../store/database.ts';

interface NoticeRow {
  id: string;
  title: string;
  body: string;
  priority: NoticeSummary['priority'];
  requires_ack: number;
  published_at: number;
  publisher_name: string;
  read_at: number | null;
}

const toSummary = (row: NoticeRow): NoticeSummary => ({
  id: row.id,
  title: row.title,
  body: row.body,
  priority: row.priority,
  requiresAck: row.requires_ack === 1,
  publishedAt: row.published_at,
  publisherName: row.publisher_name,
  readAt: row.read_at,
});

export class NoticeStore {
  private readonly insertNotice;
  private readonly insertRecipient;
  private readonly forRecipientStmt;
  private readonly recentForUserStmt;
  private readonly markReadStmt;

  constructor(db: Db) {
    this.insertNotice = db.prepare(
      `INSERT INTO notices (id, title, body, priority, requires_ack, publisher_id, published_at)
       VALUES (@id, @title, @body, @priority, @requiresAck, @publisherId, @publishedAt)`,
    );
    this.insertRecipient = db.prepare('INSERT OR IGNORE INTO notice_recipients (notice_id, user_id) VALUES (?, ?)');
    const select = `SELECT n.id, n.title, n.body, n.priority, n.requires_ack, n.published_at,
                           p.display_name AS publisher_name, r.read_at
                    FROM notice_recipients r JOIN notices n ON n.id = r.notice_id JOIN users p ON p.id = n.publisher_id`;
    this.forRecipientStmt = db.prepare<[string, string], NoticeRow>(`${select} WHERE r.notice_id = ? AND r.user_id = ?`);
    this.recentForUserStmt = db.prepare<[string, number], NoticeRow>(
      `${select} WHERE r.user_id = ? ORDER BY n.published_at DESC, n.id DESC LIMIT ?`,
    );
    this.markReadStmt = db.prepare(
      'UPDATE notice_recipients SET read_at = ? WHERE notice_id = ? AND user_id = ? AND read_at IS NULL',
    );
  }

  insert(notice: {
    id: string;
    title: string;
    body: string;
    priority: NoticeSummary['priority'];
    requiresAck: boolean;
    publisherId: string;
    publishedAt: number;
  }): void {
    this.insertNotice.run({
      ...notice,
      requiresAck: notice.requiresAck ? 1 : 0,
    });
  }

  addRecipients(noticeId: string, userIds: Iterable<string>): void {
    for (const userId of userIds) this.insertRecipient.run(noticeId, userId);
  }

  forRecipient(noticeId: string, userId: string): NoticeSummary | null {
    const row = this.forRecipientStmt.get(noticeId, userId);
    return row ? toSummary(row) : null;
  }

  recentForUser(userId: string, limit: number): NoticeSummary[] {
    return this.recentForUserStmt.all(userId, limit).map(toSummary);
  }

  /** True when this call was the one that marked it read. */
  markRead(noticeId: string, userId: string, at: number): boolean {
    return this.markReadStmt.run(at, noticeId, userId).changes === 1;
  }
}

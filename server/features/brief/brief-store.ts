import type { BriefItem } from '../../../shared/domain/brief.ts';
import type { Db } from '../../store/database.ts';
import type { BriefRepository, NewBriefItem, RequiredNotice, StoredBriefItem } from './brief-repository.ts';

interface ItemRow {
  id: string;
  day: string;
  text: string;
  author_id: string;
  author_name: string;
  department_id: string;
  department_name: string | null;
  created_at: number;
}

const toItem = (row: ItemRow): BriefItem => ({
  id: row.id,
  day: row.day,
  text: row.text,
  authorName: row.author_name,
  departmentName: row.department_name,
  createdAt: row.created_at,
});

/** The brief's reads and key items on SQLite. */
export class BriefStore implements BriefRepository {
  private readonly sql;

  constructor(db: Db) {
    const select = `SELECT i.id, i.day, i.text, i.author_id, u.display_name AS author_name, i.department_id,
                           d.name AS department_name, i.created_at
                    FROM brief_items i JOIN users u ON u.id = i.author_id LEFT JOIN departments d ON d.id = i.department_id`;
    this.sql = {
      insert: db.prepare(
        `INSERT INTO brief_items (id, department_id, day, text, author_id, created_at)
         VALUES (@id, @departmentId, @day, @text, @authorId, @createdAt)`,
      ),
      get: db.prepare<[string], ItemRow>(`${select} WHERE i.id = ?`),
      forDay: db.prepare<[string, string], ItemRow>(`${select} WHERE i.department_id = ? AND i.day = ? ORDER BY i.created_at`),
      remove: db.prepare('DELETE FROM brief_items WHERE id = ?'),
      members: db.prepare<[string], { id: string }>('SELECT id FROM users WHERE department_id = ? AND disabled = 0'),
      led: db.prepare<[string], { id: string }>('SELECT id FROM departments WHERE leader_id = ? ORDER BY name LIMIT 1'),
      unacked: db.prepare<[string, number], { id: string; title: string; priority: 'normal' | 'important' | 'urgent' }>(
        `SELECT n.id, n.title, n.priority FROM notice_recipients r JOIN notices n ON n.id = r.notice_id
         WHERE r.user_id = ? AND r.version > 0 AND n.status = 'live' AND n.requires_ack = 1 AND r.acked_at IS NULL
           AND (n.expires_at IS NULL OR n.expires_at > ?)
         ORDER BY (n.priority = 'urgent') DESC, n.published_at DESC`,
      ),
    };
  }

  async add(item: NewBriefItem): Promise<BriefItem> {
    this.sql.insert.run(item);
    return toItem(this.sql.get.get(item.id)!);
  }

  async get(itemId: string): Promise<StoredBriefItem | null> {
    const row = this.sql.get.get(itemId);
    return row ? { ...toItem(row), authorId: row.author_id, departmentId: row.department_id } : null;
  }

  async members(departmentId: string): Promise<string[]> {
    return this.sql.members.all(departmentId).map((row) => row.id);
  }

  async forDay(departmentId: string, day: string): Promise<BriefItem[]> {
    return this.sql.forDay.all(departmentId, day).map(toItem);
  }

  async remove(itemId: string): Promise<void> {
    this.sql.remove.run(itemId);
  }

  async departmentLedBy(userId: string): Promise<string | null> {
    return this.sql.led.get(userId)?.id ?? null;
  }

  async unacknowledged(userId: string, now: number): Promise<RequiredNotice[]> {
    return this.sql.unacked.all(userId, now);
  }
}

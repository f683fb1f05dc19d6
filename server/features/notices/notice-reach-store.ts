import type { Db } from '../../store/database.ts';
import type { NoticeReachRepository, ReachCountRow, ReachRecipientRow } from './notice-repositories.ts';

/** Delivered: read, or acknowledged by the PC (its log position passed the notice's event). */
const DELIVERED = '(r.read_at IS NOT NULL OR (r.seq IS NOT NULL AND coalesce(l.acked_seq, 0) >= r.seq))';

/** Who a notice reached on SQLite, read from its recipients and their logs' acknowledgements. */
export class NoticeReachStore implements NoticeReachRepository {
  private readonly sql;

  constructor(db: Db) {
    const from = `FROM notice_recipients r JOIN notices n ON n.id = r.notice_id LEFT JOIN user_logs l ON l.user_id = r.user_id`;
    this.sql = {
      byDepartment: db.prepare<[string], ReachCountRow>(
        `SELECT r.department_id, d.name AS department_name, count(*) AS total, sum(${DELIVERED}) AS delivered,
                sum(r.read_at IS NOT NULL) AS read, sum(r.acked_at IS NOT NULL) AS acknowledged
         ${from} LEFT JOIN departments d ON d.id = r.department_id
         WHERE r.notice_id = ? AND r.version > 0 GROUP BY r.department_id ORDER BY d.name`,
      ),
      recipients: db.prepare<[string], ReachRecipientRow>(
        `SELECT r.user_id, u.display_name AS name, u.username, r.department_id, d.name AS department_name,
                ${DELIVERED} AS delivered, r.read_at, r.acked_at, r.reminded_at, r.reminders
         ${from} JOIN users u ON u.id = r.user_id LEFT JOIN departments d ON d.id = r.department_id
         WHERE r.notice_id = ? AND r.version > 0 ORDER BY d.name, u.display_name`,
      ),
    };
  }

  /** Counts per department, by department name. */
  async byDepartment(noticeId: string): Promise<ReachCountRow[]> {
    return this.sql.byDepartment.all(noticeId);
  }

  /** Every recipient of the published notice, by department and name. */
  async recipients(noticeId: string): Promise<ReachRecipientRow[]> {
    return this.sql.recipients.all(noticeId);
  }
}

import type { Db } from '../../store/database.ts';

/** Delivered: read, or acknowledged by the PC (its log position passed the notice's event). */
const DELIVERED = '(r.read_at IS NOT NULL OR (r.seq IS NOT NULL AND coalesce(l.acked_seq, 0) >= r.seq))';

export interface RecipientRow {
  user_id: string;
  name: string;
  username: string;
  department_id: string | null;
  department_name: string | null;
  delivered: number;
  read_at: number | null;
  acked_at: number | null;
  reminded_at: number | null;
  reminders: number;
}

export interface CountRow {
  department_id: string | null;
  department_name: string | null;
  total: number;
  delivered: number;
  read: number;
  acknowledged: number;
}

/** Who a notice reached, by department and by person, read from its recipients and their logs' acknowledgements. */
export class NoticeReachStore {
  private readonly sql;

  constructor(db: Db) {
    const from = `FROM notice_recipients r JOIN notices n ON n.id = r.notice_id LEFT JOIN user_logs l ON l.user_id = r.user_id`;
    this.sql = {
      byDepartment: db.prepare<[string], CountRow>(
        `SELECT r.department_id, d.name AS department_name, count(*) AS total, sum(${DELIVERED}) AS delivered,
                sum(r.read_at IS NOT NULL) AS read, sum(r.acked_at IS NOT NULL) AS acknowledged
         ${from} LEFT JOIN departments d ON d.id = r.department_id
         WHERE r.notice_id = ? AND r.version > 0 GROUP BY r.department_id ORDER BY d.name`,
      ),
      recipients: db.prepare<[string], RecipientRow>(
        `SELECT r.user_id, u.display_name AS name, u.username, r.department_id, d.name AS department_name,
                ${DELIVERED} AS delivered, r.read_at, r.acked_at, r.reminded_at, r.reminders
         ${from} JOIN users u ON u.id = r.user_id LEFT JOIN departments d ON d.id = r.department_id
         WHERE r.notice_id = ? AND r.version > 0 ORDER BY d.name, u.display_name`,
      ),
    };
  }

  /** Counts per department, by department name. */
  byDepartment(noticeId: string): CountRow[] {
    return this.sql.byDepartment.all(noticeId);
  }

  /** Every recipient of the published notice, by department and name. */
  recipients(noticeId: string): RecipientRow[] {
    return this.sql.recipients.all(noticeId);
  }
}

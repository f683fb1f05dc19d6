import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { NoticeStats, ReachCounts, Straggler } from '../../../shared/domain/notices/index.ts';
import type { Db } from '../../store/database.ts';
import { inertCell } from '../attendance/report-export.ts';

const DELIVERED = '(r.read_at IS NOT NULL OR (r.seq IS NOT NULL AND coalesce(l.acked_seq, 0) >= r.seq))';
const OUTSTANDING = '(CASE WHEN n.requires_ack = 1 THEN r.acked_at ELSE r.read_at END) IS NULL';

interface CountRow {
  department_id: string | null;
  department_name: string | null;
  total: number;
  delivered: number;
  read: number;
  acknowledged: number;
}

const counts = (row: CountRow): ReachCounts => ({
  total: row.total,
  delivered: row.delivered,
  read: row.read,
  acknowledged: row.acknowledged,
});

type CsvLanguage = 'en' | 'zh-CN';
const headers: Record<CsvLanguage, string[]> = {
  en: ['Name', 'Username', 'Department', 'Delivered', 'Read at', 'Acknowledged at', 'Reminders'],
  'zh-CN': ['姓名', '账号', '部门', '已送达', '阅读时间', '确认时间', '提醒次数'],
};
const yesNo: Record<CsvLanguage, [string, string]> = { en: ['yes', 'no'], 'zh-CN': ['是', '否'] };

/** Who a notice reached and who still owes it something: the publisher's numbers, read straight from SQL. */
export class NoticeReach {
  private readonly s;
  private readonly timeZone: string;

  constructor(db: Db, timeZone: string) {
    this.timeZone = timeZone;
    const from = `FROM notice_recipients r JOIN notices n ON n.id = r.notice_id LEFT JOIN user_logs l ON l.user_id = r.user_id`;
    this.s = {
      byDepartment: db.prepare<[string], CountRow>(
        `SELECT r.department_id, d.name AS department_name, count(*) AS total, sum(${DELIVERED}) AS delivered,
                sum(r.read_at IS NOT NULL) AS read, sum(r.acked_at IS NOT NULL) AS acknowledged
         ${from} LEFT JOIN departments d ON d.id = r.department_id
         WHERE r.notice_id = ? AND r.version > 0 GROUP BY r.department_id ORDER BY d.name`,
      ),
      stragglers: db.prepare<
        [string, number],
        {
          user_id: string;
          name: string;
          department_name: string | null;
          delivered: number;
          read_at: number | null;
          reminded_at: number | null;
          reminders: number;
        }
      >(
        `SELECT r.user_id, u.display_name AS name, d.name AS department_name, ${DELIVERED} AS delivered, r.read_at,
                r.reminded_at, r.reminders
         ${from} JOIN users u ON u.id = r.user_id LEFT JOIN departments d ON d.id = r.department_id
         WHERE r.notice_id = ? AND r.version > 0 AND ${OUTSTANDING}
         ORDER BY d.name, u.display_name LIMIT ?`,
      ),
      everyone: db.prepare<
        [string],
        {
          name: string;
          username: string;
          department_name: string | null;
          delivered: number;
          read_at: number | null;
          acked_at: number | null;
          reminders: number;
        }
      >(
        `SELECT u.display_name AS name, u.username, d.name AS department_name, ${DELIVERED} AS delivered, r.read_at,
                r.acked_at, r.reminders
         ${from} JOIN users u ON u.id = r.user_id LEFT JOIN departments d ON d.id = r.department_id
         WHERE r.notice_id = ? AND r.version > 0 ORDER BY d.name, u.display_name`,
      ),
    };
  }

  stats(noticeId: string, requiresAck: boolean, now: number): NoticeStats {
    const departments = this.s.byDepartment.all(noticeId);
    const sum = (key: keyof ReachCounts) => departments.reduce((n, d) => n + d[key], 0);
    return {
      noticeId,
      requiresAck,
      total: sum('total'),
      delivered: sum('delivered'),
      read: sum('read'),
      acknowledged: sum('acknowledged'),
      departments: departments.map((d) => ({ ...counts(d), departmentId: d.department_id, departmentName: d.department_name })),
      computedAt: now,
    };
  }

  stragglers(noticeId: string, limit = 5000): Straggler[] {
    return this.s.stragglers.all(noticeId, limit).map((r) => ({
      userId: r.user_id,
      name: r.name,
      departmentName: r.department_name,
      delivered: r.delivered === 1,
      readAt: r.read_at,
      remindedAt: r.reminded_at,
      reminders: r.reminders,
    }));
  }

  /** Every recipient, one row each, with a byte-order mark so Excel reads Chinese names as UTF-8. */
  csv(noticeId: string, language: CsvLanguage): string {
    const time = (at: number | null) =>
      at === null ? '' : DateTime.fromMillis(at, { zone: this.timeZone }).toFormat('yyyy-MM-dd HH:mm:ss');
    const rows = this.s.everyone
      .all(noticeId)
      .map((r) =>
        [
          r.name,
          r.username,
          r.department_name ?? '',
          yesNo[language][r.delivered === 1 ? 0 : 1],
          time(r.read_at),
          time(r.acked_at),
          r.reminders,
        ].map(inertCell),
      );
    return `\uFEFF${stringify([headers[language], ...rows])}`;
  }
}

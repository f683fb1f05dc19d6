import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { NoticeStats, ReachCounts, Straggler } from '../../../shared/domain/notices/index.ts';
import type { ContentLanguage } from '../../../shared/domain/localized-text.ts';
import { inertCell } from '../attendance/report-export.ts';
import type { NoticeReachRepository, ReachCountRow } from './notice-repositories.ts';

const counts = (row: ReachCountRow): ReachCounts => ({
  total: row.total,
  delivered: row.delivered,
  read: row.read,
  acknowledged: row.acknowledged,
});

/** The reach export's words in every UI language (typed by `ContentLanguage`, so none is left out). */
const headings: Record<ContentLanguage, { columns: string[]; yes: string; no: string }> = {
  en: {
    columns: ['Name', 'Username', 'Department', 'Delivered', 'Read at', 'Acknowledged at', 'Reminders'],
    yes: 'yes',
    no: 'no',
  },
  'zh-CN': { columns: ['姓名', '账号', '部门', '已送达', '阅读时间', '确认时间', '提醒次数'], yes: '是', no: '否' },
  'zh-TW': { columns: ['姓名', '帳號', '部門', '已送達', '閱讀時間', '確認時間', '提醒次數'], yes: '是', no: '否' },
  he: { columns: ['שם', 'שם משתמש', 'מחלקה', 'נמסר', 'נקרא ב־', 'אושר ב־', 'תזכורות'], yes: 'כן', no: 'לא' },
  ru: {
    columns: ['ФИО', 'Учётная запись', 'Подразделение', 'Доставлено', 'Прочитано', 'Ознакомлен(а)', 'Напоминаний'],
    yes: 'да',
    no: 'нет',
  },
  nb: {
    columns: ['Navn', 'Brukernavn', 'Avdeling', 'Levert', 'Lest', 'Bekreftet', 'Påminnelser'],
    yes: 'ja',
    no: 'nei',
  },
};

/** Who a notice reached and who still owes it something: the publisher's numbers, read from its recipients. */
export class NoticeReach {
  private readonly store: NoticeReachRepository;
  private readonly timeZone: string;

  constructor(store: NoticeReachRepository, timeZone: string) {
    this.timeZone = timeZone;
    this.store = store;
  }

  async stats(noticeId: string, requiresAck: boolean, now: number): Promise<NoticeStats> {
    const departments = await this.store.byDepartment(noticeId);
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

  /**
   * The publisher's page: headline, department meters and the people who still owe it something,
   * all from one read of the recipients, so no number can disagree with another (or with the CSV,
   * which is the same read). `stats` alone stays an aggregate for the published list and the feed.
   */
  async reach(
    noticeId: string,
    requiresAck: boolean,
    now: number,
    stragglerLimit = 5000,
  ): Promise<{ stats: NoticeStats; stragglers: Straggler[] }> {
    const rows = await this.store.recipients(noticeId);
    const zero = () => ({ total: 0, delivered: 0, read: 0, acknowledged: 0 });
    const overall = zero();
    const departments = new Map<string | null, ReachCounts & { departmentName: string | null }>();
    const stragglers: Straggler[] = [];
    for (const r of rows) {
      let department = departments.get(r.department_id);
      if (!department) departments.set(r.department_id, (department = { ...zero(), departmentName: r.department_name }));
      for (const counts of [overall, department]) {
        counts.total += 1;
        counts.delivered += r.delivered;
        counts.read += r.read_at === null ? 0 : 1;
        counts.acknowledged += r.acked_at === null ? 0 : 1;
      }
      const outstanding = (requiresAck ? r.acked_at : r.read_at) === null;
      if (outstanding && stragglers.length < stragglerLimit) {
        stragglers.push({
          userId: r.user_id,
          name: r.name,
          departmentName: r.department_name,
          delivered: r.delivered === 1,
          readAt: r.read_at,
          remindedAt: r.reminded_at,
          reminders: r.reminders,
        });
      }
    }
    return {
      stats: {
        noticeId,
        requiresAck,
        ...overall,
        departments: [...departments].map(([departmentId, d]) => ({ ...d, departmentId })),
        computedAt: now,
      },
      stragglers,
    };
  }

  async stragglers(noticeId: string, requiresAck: boolean, limit = 5000): Promise<Straggler[]> {
    return (await this.reach(noticeId, requiresAck, 0, limit)).stragglers;
  }

  /** Every recipient, one row each, with a byte-order mark so Excel reads Chinese names as UTF-8. */
  async csv(noticeId: string, language: ContentLanguage): Promise<string> {
    const time = (at: number | null) =>
      at === null ? '' : DateTime.fromMillis(at, { zone: this.timeZone }).toFormat('yyyy-MM-dd HH:mm:ss');
    const rows = (await this.store.recipients(noticeId)).map((r) =>
      [
        r.name,
        r.username,
        r.department_name ?? '',
        r.delivered === 1 ? headings[language].yes : headings[language].no,
        time(r.read_at),
        time(r.acked_at),
        r.reminders,
      ].map(inertCell),
    );
    return `\uFEFF${stringify([headings[language].columns, ...rows])}`;
  }
}

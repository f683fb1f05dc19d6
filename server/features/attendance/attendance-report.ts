import type { ClockKind, MonthTotals } from '../../../shared/domain/attendance/index.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { AttendanceBook } from './attendance-book.ts';
import type { RuleStore } from './rule-store.ts';

/** A clock made offline: when it was clicked (what counts) and when the server received it. */
export interface OfflineClock {
  date: string;
  kind: ClockKind;
  clickedAt: number;
  receivedAt: number | null;
}

export interface ReportRow {
  userId: string;
  name: string;
  departmentName: string | null;
  /** The zone of the person's rule: times are written on its wall clock. */
  timeZone: string;
  totals: MonthTotals;
  offlineClocks: OfflineClock[];
}

export interface DepartmentReport {
  month: string;
  departmentId: string | null;
  rows: ReportRow[];
}

/**
 * HR's month report: one row of totals per person, for one department or everyone, with each
 * offline clock's click and receipt times. Members are judged by their department's rule, and each
 * department's records are read in one query.
 */
export function departmentReport(
  deps: { book: AttendanceBook; rules: RuleStore; directory: DirectoryStore },
  month: string,
  departmentId: string | null,
  now: number,
): DepartmentReport {
  const members = deps.directory.members().filter((m) => departmentId === null || m.departmentId === departmentId);
  const groups = new Map<string | null, typeof members>();
  for (const member of members) groups.set(member.departmentId, [...(groups.get(member.departmentId) ?? []), member]);
  const rows: ReportRow[] = [];
  for (const [group, people] of groups) {
    const rule = deps.rules.forDepartment(group);
    const judged = deps.book.monthOfMany(
      rule,
      people.map((p) => p.id),
      month,
      now,
    );
    for (const person of people) {
      const month = judged.get(person.id)!;
      rows.push({
        userId: person.id,
        name: person.name,
        departmentName: person.departmentName,
        timeZone: rule.timeZone,
        totals: month.totals,
        offlineClocks: month.records
          .filter((r) => r.source === 'offline')
          .map((r) => ({ date: r.date, kind: r.kind, clickedAt: r.at, receivedAt: r.receivedAt })),
      });
    }
  }
  return { month, departmentId, rows };
}

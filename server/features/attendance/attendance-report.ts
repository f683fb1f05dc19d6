import type { MonthTotals } from '../../../shared/domain/attendance/index.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { AttendanceBook } from './attendance-book.ts';
import type { RuleStore } from './rule-store.ts';

export interface ReportRow {
  userId: string;
  name: string;
  departmentName: string | null;
  totals: MonthTotals;
}

export interface DepartmentReport {
  month: string;
  departmentId: string | null;
  rows: ReportRow[];
}

/**
 * HR's month report: one row of totals per person, for one department or everyone. Members are
 * judged by their department's rule, and each department's records are read in one query.
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
    const judged = deps.book.monthOfMany(
      deps.rules.forDepartment(group),
      people.map((p) => p.id),
      month,
      now,
    );
    for (const person of people) {
      rows.push({
        userId: person.id,
        name: person.name,
        departmentName: person.departmentName,
        totals: judged.get(person.id)!.totals,
      });
    }
  }
  return { month, departmentId, rows };
}

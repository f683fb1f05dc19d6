import type {
  AttendanceRule,
  ClockRecord,
  DayReport,
  LeavePart,
  MonthReport,
  MonthTotals,
} from '../../../shared/domain/attendance/index.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { type StoredClock, type ClockStore, publicRecord } from './clock-store.ts';
import { evaluateDay } from './evaluate-day.ts';
import type { LeaveSource } from './leave-source.ts';
import type { RuleStore } from './rule-store.ts';
import { addDays, attendanceDateOf, datesOfMonth, dayWindowStart, halfDayBoundary, shiftOn } from './shift.ts';

export interface BookDeps {
  clocks: ClockStore;
  rules: RuleStore;
  leaves: LeaveSource;
  directory: DirectoryStore;
}

export interface PersonMonth {
  userId: string;
  days: DayReport[];
  records: (ClockRecord & { date: string })[];
  totals: MonthTotals;
}

export function monthTotals(days: readonly DayReport[]): MonthTotals {
  const count = (...statuses: DayReport['status'][]) => days.filter((d) => statuses.includes(d.status)).length;
  // A late arrival is late whatever the rest of the day holds (still at work, no clock-out yet),
  // so the count of late days and the sum of their minutes come from the same days; a day judged
  // absent counts as absent only.
  const lateDays = days.filter((d) => d.lateMinutes > 0 && d.status !== 'absent');
  return {
    workdays: days.filter((d) => d.kind === 'workday').length,
    onTime: count('on_time'),
    late: lateDays.length,
    early: count('early', 'late_early'),
    absent: count('absent'),
    missing: count('missing_in', 'missing_out'),
    onLeave: count('on_leave'),
    corrected: days.filter((d) => d.corrected).length,
    lateMinutes: lateDays.reduce((sum, d) => sum + d.lateMinutes, 0),
    workedMinutes: days.reduce((sum, d) => sum + d.workedMinutes, 0),
  };
}

/** A whole day of leave is the shift; a half day, the shift up to (or from) the lunch break or the middle. */
function absenceOf(rule: AttendanceRule, date: string, part: LeavePart): { start: number; end: number } {
  const shift = shiftOn(rule, date);
  if (part === 'full') return { start: shift.start, end: shift.end };
  const { morningEnds, afternoonStarts } = halfDayBoundary(rule, date);
  return part === 'am' ? { start: shift.start, end: morningEnds } : { start: afternoonStarts, end: shift.end };
}

/** Reads records, rules and leave, and asks the rules engine about days, months and departments. */
export class AttendanceBook {
  private readonly deps: BookDeps;

  constructor(deps: BookDeps) {
    this.deps = deps;
  }

  ruleFor(userId: string): AttendanceRule {
    return this.deps.rules.forDepartment(this.deps.directory.profile(userId)?.departmentId ?? null);
  }

  /** The attendance day an instant belongs to, for this user's rule. */
  dateOf(userId: string, instant: number): string {
    return attendanceDateOf(this.ruleFor(userId), instant);
  }

  day(userId: string, date: string, now: number): DayReport {
    return this.judge(this.ruleFor(userId), [userId], [date], now).get(userId)!.days[0]!;
  }

  /**
   * The day an instant belongs to and today, from one rule lookup and one read of the records
   * (the same report twice when the instant is today, as it nearly always is).
   */
  dayOfAndToday(userId: string, instant: number, now: number): { day: DayReport; today: DayReport } {
    const rule = this.ruleFor(userId);
    const date = attendanceDateOf(rule, instant);
    const todayDate = attendanceDateOf(rule, now);
    const dates = date === todayDate ? [date] : date < todayDate ? [date, todayDate] : [todayDate, date];
    const days = this.judge(rule, [userId], dates, now).get(userId)!.days;
    const find = (d: string) => days.find((report) => report.date === d)!;
    return { day: find(date), today: find(todayDate) };
  }

  month(userId: string, month: string, now: number): MonthReport {
    const rule = this.ruleFor(userId);
    const person = this.judge(rule, [userId], datesOfMonth(month), now).get(userId)!;
    return { month, timeZone: rule.timeZone, days: person.days, totals: person.totals, records: person.records };
  }

  /** Everyone under one rule (a department) for a month, in one read of the records. */
  monthOfMany(rule: AttendanceRule, userIds: readonly string[], month: string, now: number): Map<string, PersonMonth> {
    return this.judge(rule, userIds, datesOfMonth(month), now);
  }

  private judge(
    rule: AttendanceRule,
    userIds: readonly string[],
    dates: readonly string[],
    now: number,
  ): Map<string, PersonMonth> {
    const first = dates[0]!;
    const last = dates[dates.length - 1]!;
    const from = dayWindowStart(rule, first);
    const to = dayWindowStart(rule, addDays(last, 1));
    const byUser = new Map<string, StoredClock[]>(userIds.map((id) => [id, []]));
    for (const record of this.deps.clocks.rangeOfMany(userIds, from, to)) byUser.get(record.userId)?.push(record);
    const leave = this.deps.leaves.leaveDates(userIds, first, last);
    const result = new Map<string, PersonMonth>();
    for (const userId of userIds) {
      const byDate = new Map<string, ClockRecord[]>();
      const records: (ClockRecord & { date: string })[] = [];
      for (const stored of byUser.get(userId)!) {
        const date = attendanceDateOf(rule, stored.at);
        const record = publicRecord(stored);
        byDate.set(date, [...(byDate.get(date) ?? []), record]);
        records.push({ ...record, date });
      }
      const away = leave.get(userId);
      const days = dates.map((date) => {
        const part = away?.get(date);
        const absences = part ? [absenceOf(rule, date, part)] : [];
        return evaluateDay({ rule, date, records: byDate.get(date) ?? [], absences, now });
      });
      result.set(userId, { userId, days, records, totals: monthTotals(days) });
    }
    return result;
  }
}

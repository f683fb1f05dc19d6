import { describe, expect, it } from 'vitest';
import type { DayReport } from '../../../shared/domain/attendance/index.ts';
import { monthTotals } from './attendance-book.ts';

const day = (date: string, status: DayReport['status'], lateMinutes = 0): DayReport => ({
  date,
  timeZone: 'Asia/Shanghai',
  kind: 'workday',
  status,
  shiftStart: 0,
  shiftEnd: 0,
  lateAfter: 0,
  expectedEnd: 0,
  remindOutAt: 0,
  firstIn: null,
  lastOut: null,
  lateMinutes,
  earlyMinutes: 0,
  workedMinutes: 0,
  leave: 'none',
  corrected: false,
  review: false,
  extraIns: 0,
});

describe('month totals', () => {
  it('counts a late arrival as late whatever the rest of the day holds, so late days and late minutes agree', () => {
    const totals = monthTotals([
      day('2026-11-02', 'late', 10),
      day('2026-11-03', 'late_early', 5),
      day('2026-11-04', 'missing_out', 7), // late in, never clocked out: late and missing
      day('2026-11-05', 'in_progress', 20), // today, late and still at work
      day('2026-11-06', 'absent', 150), // so late the rule counts the day absent: absent only
      day('2026-11-09', 'on_time'),
    ]);
    expect(totals).toMatchObject({ late: 4, lateMinutes: 42, absent: 1, missing: 1, early: 1, onTime: 1 });
  });
});

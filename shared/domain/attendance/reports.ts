import { z } from 'zod';
import { Instant } from '../ids.ts';
import { ClockRecord } from './records.ts';
import { IsoDate, IsoMonth } from './rules.ts';

/**
 * How a day went, as the rules engine judges it. `pending`: a workday under way with no clock-in yet;
 * `in_progress`: clocked in, the shift not over; `missing_in`/`missing_out`: one of the two clocks is
 * missing; `corrected`: a make-up clock approved by the workflow made the day whole.
 */
export const DayStatus = z.enum([
  'on_time',
  'late',
  'early',
  'late_early',
  'absent',
  'missing_in',
  'missing_out',
  'on_leave',
  'corrected',
  'pending',
  'in_progress',
  'upcoming',
  'rest',
  'holiday',
]);
export type DayStatus = z.infer<typeof DayStatus>;

export const DayKind = z.enum(['workday', 'rest', 'holiday']);
export type DayKind = z.infer<typeof DayKind>;

export const DayReport = z.object({
  date: IsoDate,
  /** The site's zone: times are shown on its wall clock wherever the PC is. */
  timeZone: z.string().max(64),
  kind: DayKind,
  status: DayStatus,
  /** The shift as the rule sets it, in instants (a night shift ends the next morning). */
  shiftStart: Instant,
  shiftEnd: Instant,
  /** A clock-in after this is late (start, moved by leave in the morning, plus flexible minutes). */
  lateAfter: Instant,
  /** When the user may leave: the end, moved by leave in the afternoon and by a flexible late start. */
  expectedEnd: Instant,
  /** When the tray reminds someone still clocked in to clock out (the rule's minutes before the expected end). */
  remindOutAt: Instant,
  firstIn: Instant.nullable(),
  lastOut: Instant.nullable(),
  lateMinutes: z.number().int().nonnegative(),
  earlyMinutes: z.number().int().nonnegative(),
  workedMinutes: z.number().int().nonnegative(),
  leave: z.enum(['none', 'partial', 'full']),
  corrected: z.boolean(),
  /** A record of the day waits for HR's review. */
  review: z.boolean(),
  /** Clock-ins after the first; they are kept and do not change the judgement. */
  extraIns: z.number().int().nonnegative(),
});
export type DayReport = z.infer<typeof DayReport>;

export const MonthTotals = z.object({
  workdays: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  early: z.number().int().nonnegative(),
  absent: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  onLeave: z.number().int().nonnegative(),
  corrected: z.number().int().nonnegative(),
  lateMinutes: z.number().int().nonnegative(),
  workedMinutes: z.number().int().nonnegative(),
});
export type MonthTotals = z.infer<typeof MonthTotals>;

export const MonthReport = z.object({
  month: IsoMonth,
  timeZone: z.string(),
  days: z.array(DayReport).max(31),
  totals: MonthTotals,
  /** Each day's records, for the day detail (make-up requests name the missing one). */
  records: z.array(ClockRecord.extend({ date: IsoDate })).max(2000),
});
export type MonthReport = z.infer<typeof MonthReport>;

/** What the user is told at once: "Clocked in 08:57, on time". */
export const ClockVerdict = z.enum(['on_time', 'late', 'absent', 'already_in', 'early', 'done', 'off_day', 'review']);
export type ClockVerdict = z.infer<typeof ClockVerdict>;

export const ClockOutcome = z.object({
  record: ClockRecord,
  verdict: ClockVerdict,
  /** Minutes late or early, for the verdicts that have them. */
  minutes: z.number().int().nonnegative(),
  day: DayReport,
});
export type ClockOutcome = z.infer<typeof ClockOutcome>;

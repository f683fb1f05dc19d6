import type { AttendanceRule, ClockRecord, DayReport, DayStatus } from '../../../shared/domain/attendance/index.ts';
import { addDays, breaksOn, dayWindowStart, shiftOn } from './shift.ts';

/** An approved absence (leave) as an interval of instants. */
export interface Absence {
  start: number;
  end: number;
}

export interface DayInput {
  rule: AttendanceRule;
  date: string;
  /** The records attributed to this date; rejected ones are ignored here. */
  records: readonly ClockRecord[];
  absences: readonly Absence[];
  now: number;
}

const MINUTE = 60_000;
/** How much of [from, to) the breaks take. */
const overlap = (breaks: readonly { start: number; end: number }[], from: number, to: number): number =>
  breaks.reduce((sum, b) => sum + Math.max(0, Math.min(to, b.end) - Math.max(from, b.start)), 0);
const wholeMinutes = (ms: number): number => Math.max(0, Math.floor(ms / MINUTE));

/**
 * The rules engine: judges one day from the rule, the clocks and approved leave, as of `now`. Pure,
 * so every edge (night shifts, DST, holidays, leave in the morning) is a plain unit test.
 *
 * - The first clock-in counts; later ones are kept as `extraIns`. The last clock-out after it counts.
 * - Late: whole minutes after the (leave- and break-adjusted) start exceed the flexible minutes.
 *   Seconds are forgiven, so 09:00:59 is on time.
 * - Elastic hours: arriving within the flexible minutes moves the expected end by as much; a grace
 *   period never moves it; a late arrival's end never moves.
 * - Breaks are not worked: they come off the worked minutes.
 * - Arriving later than `absentAfterMinutes` past the late threshold counts as absent.
 */
export function evaluateDay({ rule, date, records, absences, now }: DayInput): DayReport {
  const shift = shiftOn(rule, date);
  const counted = records.filter((r) => r.status !== 'rejected');
  const ins = counted.filter((r) => r.kind === 'in').sort((a, b) => a.at - b.at);
  const firstIn = ins[0]?.at ?? null;
  const outs = counted.filter((r) => r.kind === 'out' && (firstIn === null || r.at > firstIn));
  const lastOut = outs.length > 0 ? Math.max(...outs.map((r) => r.at)) : null;

  let start = shift.start;
  let end = shift.end;
  let leave: DayReport['leave'] = 'none';
  for (const absence of absences) {
    if (absence.end <= shift.start || absence.start >= shift.end) continue;
    leave = 'partial';
    if (absence.start <= start && absence.end > start) start = Math.min(absence.end, end);
    if (absence.start < end && absence.end >= end) end = Math.max(absence.start, start);
  }
  if (leave === 'partial' && start >= end) leave = 'full';
  // A day that starts or ends inside a break (a morning off ends at lunch) starts after it, ends before it.
  const breaks = breaksOn(rule, date);
  for (const b of breaks) {
    if (start >= b.start && start < b.end) start = b.end;
    if (end > b.start && end <= b.end) end = b.start;
  }

  const flexMs = rule.flexMinutes * MINUTE;
  const lateAfter = start + flexMs;
  const lateMinutes = firstIn === null ? 0 : wholeMinutes(firstIn - start);
  const isLate = firstIn !== null && lateMinutes > rule.flexMinutes;
  // Elastic hours move the end by an arrival within the flex; a late arrival is judged late and
  // not also early for the same minutes, so its end stays. A grace period never moves the end.
  const moved = rule.flexMode === 'elastic' && firstIn !== null && !isLate ? Math.min(Math.max(firstIn - start, 0), flexMs) : 0;
  const expectedEnd = end + moved;
  const earlyMinutes = lastOut === null ? 0 : wholeMinutes(expectedEnd - lastOut);
  const corrected = counted.some((r) => r.source === 'correction');
  // Someone still at work after the end is in progress until the attendance day itself is over.
  const dayOver = now >= dayWindowStart(rule, addDays(date, 1));

  const judge = (): DayStatus => {
    if (shift.kind !== 'workday') return shift.kind;
    if (leave === 'full') return 'on_leave';
    if (firstIn === null) {
      if (lastOut !== null) return 'missing_in';
      if (now < start) return 'upcoming';
      return now < end ? 'pending' : 'absent';
    }
    if (wholeMinutes(firstIn - lateAfter) > rule.absentAfterMinutes) return 'absent';
    if (lastOut === null) return dayOver ? 'missing_out' : 'in_progress';
    const early = earlyMinutes > 0;
    if (isLate && early) return 'late_early';
    if (isLate) return 'late';
    if (early) return 'early';
    return corrected ? 'corrected' : 'on_time';
  };

  return {
    date,
    timeZone: rule.timeZone,
    kind: shift.kind,
    status: judge(),
    shiftStart: shift.start,
    shiftEnd: shift.end,
    lateAfter,
    expectedEnd,
    remindOutAt: expectedEnd - rule.clockOutReminderMinutes * MINUTE,
    firstIn,
    lastOut,
    lateMinutes: isLate ? lateMinutes : 0,
    earlyMinutes,
    workedMinutes: firstIn !== null && lastOut !== null ? wholeMinutes(lastOut - firstIn - overlap(breaks, firstIn, lastOut)) : 0,
    leave,
    corrected,
    review: counted.some((r) => r.status === 'review'),
    extraIns: Math.max(0, ins.length - 1),
  };
}

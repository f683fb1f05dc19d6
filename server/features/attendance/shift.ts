import { DateTime } from 'luxon';
import type { AttendanceRule, DayKind } from '../../../shared/domain/attendance/index.ts';

export interface Shift {
  date: string;
  kind: DayKind;
  start: number;
  end: number;
}

/**
 * A day's clocks may start this long before its shift starts; everything until the same distance
 * before the next day's shift belongs to it. A 22:00–06:00 shift owns 18:00 to 18:00 the next day,
 * so its 06:05 clock-out is not mistaken for the next day's clock-in.
 */
export const DAY_LEAD_MS = 4 * 3600_000;

function wallClock(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  // On a daylight-saving gap (02:30 that never happens) luxon moves forward, as a wall clock would.
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

function localDay(rule: AttendanceRule, date: string): DateTime {
  const day = DateTime.fromISO(date, { zone: rule.timeZone });
  if (!day.isValid) throw new RangeError(`not a date: ${date}`);
  return day;
}

export function dayKind(rule: AttendanceRule, date: string): DayKind {
  if (rule.holidays.includes(date)) return 'holiday';
  if (rule.extraWorkdays.includes(date)) return 'workday';
  return rule.workdays.includes(localDay(rule, date).weekday) ? 'workday' : 'rest';
}

/** The shift of a date on the site's wall clock; an end at or before the start is the next morning. */
export function shiftOn(rule: AttendanceRule, date: string): Shift {
  const day = localDay(rule, date);
  const start = wallClock(day, rule.start);
  const end = wallClock(rule.end <= rule.start ? day.plus({ days: 1 }) : day, rule.end);
  return { date, kind: dayKind(rule, date), start: start.toMillis(), end: end.toMillis() };
}

/**
 * A date's breaks as instants inside its shift (a night shift's 00:30 break is the next morning's),
 * in order; a break outside the shift is dropped.
 */
export function breaksOn(rule: AttendanceRule, date: string): { start: number; end: number }[] {
  const day = localDay(rule, date);
  const shift = shiftOn(rule, date);
  const at = (hhmm: string) => {
    const same = wallClock(day, hhmm).toMillis();
    return same < shift.start ? wallClock(day.plus({ days: 1 }), hhmm).toMillis() : same;
  };
  return rule.breaks
    .map((b) => ({ start: at(b.start), end: at(b.end) }))
    .filter((b) => b.start < b.end && b.start >= shift.start && b.end <= shift.end)
    .sort((a, b) => a.start - b.start);
}

/**
 * Where a half day of leave divides the shift: a morning off ends where the first break starts,
 * an afternoon off starts where it ends; without a break, at the middle of the shift.
 */
export function halfDayBoundary(rule: AttendanceRule, date: string): { morningEnds: number; afternoonStarts: number } {
  const shift = shiftOn(rule, date);
  const first = breaksOn(rule, date)[0];
  if (first) return { morningEnds: first.start, afternoonStarts: first.end };
  const middle = shift.start + Math.floor((shift.end - shift.start) / 2);
  return { morningEnds: middle, afternoonStarts: middle };
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** The first instant that belongs to a date's attendance day. */
export function dayWindowStart(rule: AttendanceRule, date: string): number {
  return shiftOn(rule, date).start - DAY_LEAD_MS;
}

/** The attendance date an instant belongs to (a night shift's morning clock-out belongs to the evening before). */
export function attendanceDateOf(rule: AttendanceRule, instant: number): string {
  let date = DateTime.fromMillis(instant, { zone: rule.timeZone }).toISODate()!;
  if (instant < dayWindowStart(rule, date)) date = addDays(date, -1);
  else if (instant >= dayWindowStart(rule, addDays(date, 1))) date = addDays(date, 1);
  return date;
}

/** Every date of a `YYYY-MM` month. */
export function datesOfMonth(month: string): string[] {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  if (!first.isValid) throw new RangeError(`not a month: ${month}`);
  return Array.from({ length: first.daysInMonth! }, (_, i) => first.plus({ days: i }).toISODate()!);
}

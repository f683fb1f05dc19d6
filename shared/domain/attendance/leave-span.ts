import { z } from 'zod';

/**
 * A leave is a run of dates whose first day may start in the afternoon and whose last day may end
 * at noon. Its length is counted on the requester's work calendar, never typed: rest days and
 * holidays inside the run cost nothing, a make-up workday costs a day.
 */
export const HalfDay = z.enum(['am', 'pm']);
export type HalfDay = z.infer<typeof HalfDay>;

/** The part of one date a leave takes. */
export type LeavePart = 'full' | 'am' | 'pm';

export interface LeaveSpan {
  start: string;
  /** `pm`: the first day starts after the lunch break. */
  startHalf: HalfDay;
  end: string;
  /** `am`: the last day ends at the lunch break. */
  endHalf: HalfDay;
}

/** A leave longer than this is refused before it is counted (a year of calendar dates). */
export const LEAVE_MAX_DATES = 366;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  const check = new Date(at);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? at : null;
}

/** Reads a leave form's values; missing halves mean whole days, as in a form without them. */
export function leaveSpanOf(values: Readonly<Record<string, unknown>>): LeaveSpan | null {
  const { start, end } = values;
  if (typeof start !== 'string' || typeof end !== 'string') return null;
  const half = (value: unknown, whole: HalfDay): HalfDay | null => {
    if (value === undefined || value === null || value === '') return whole;
    const parsed = HalfDay.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  const startHalf = half(values.startHalf, 'am');
  const endHalf = half(values.endHalf, 'pm');
  return startHalf && endHalf ? { start, startHalf, end, endHalf } : null;
}

/**
 * The dates a leave covers on a calendar, each with the part taken; dates the calendar does not
 * work are left out. `null` when the span is not a real, ordered run of at most a year.
 */
export function leaveParts(span: LeaveSpan, isWorkday: (date: string) => boolean): { date: string; part: LeavePart }[] | null {
  const first = utcDay(span.start);
  const last = utcDay(span.end);
  if (first === null || last === null || last < first) return null;
  const count = Math.round((last - first) / 86_400_000) + 1;
  if (count > LEAVE_MAX_DATES) return null;
  const parts: { date: string; part: LeavePart }[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    if (!isWorkday(date)) continue;
    const fromNoon = i === 0 && span.startHalf === 'pm';
    const toNoon = i === count - 1 && span.endHalf === 'am';
    if (fromNoon && toNoon) continue; // afternoon-to-morning of one date: nothing
    parts.push({ date, part: fromNoon ? 'pm' : toNoon ? 'am' : 'full' });
  }
  return parts;
}

/** Working days a leave takes: 1 a whole day, 0.5 a half. */
export function leaveLength(parts: readonly { part: LeavePart }[]): number {
  return parts.reduce((sum, { part }) => sum + (part === 'full' ? 1 : 0.5), 0);
}

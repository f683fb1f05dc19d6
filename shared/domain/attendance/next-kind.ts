import type { ClockKind, ClockRecord } from './records.ts';
import type { DayReport } from './reports.ts';

/**
 * Whether the next clock is in or out. Once clocked in today it stays "out": a second clock-out
 * moves the end of the day (the last one counts), as people clock out and then stay on.
 */
export function nextClockKind(state: {
  queued: { kind: ClockKind } | null;
  today: Pick<DayReport, 'firstIn' | 'lastOut'> | null;
  last: Pick<ClockRecord, 'kind'> | null;
}): ClockKind {
  const { queued, today, last } = state;
  if (queued) return 'out';
  if (today) return today.firstIn !== null ? 'out' : 'in';
  return last?.kind === 'in' ? 'out' : 'in';
}

/** Splits minutes for "9 h 38 min"; under an hour it stays minutes. */
export function splitMinutes(total: number): { key: 'min' | 'hm'; h: number; m: number } {
  return total < 60 ? { key: 'min', h: 0, m: total } : { key: 'hm', h: Math.floor(total / 60), m: total % 60 };
}

/**
 * The clock a make-up request for a judged day should correct: the one that is missing, else the
 * one that was off (a late arrival's clock-in, an early departure's clock-out).
 */
export function missingClockKind(day: Pick<DayReport, 'firstIn' | 'lastOut' | 'status'>): ClockKind {
  if (day.firstIn === null) return 'in';
  if (day.lastOut === null) return 'out';
  return day.status === 'early' ? 'out' : 'in';
}

/** A clock-out this much before the expected end is not "early" enough to ask: a minute's slack. */
const EARLY_SLACK_MS = 60_000;

/**
 * The expected end a clock-out now would come before, when that is worth a question: the first
 * clock-out of a day that started, before the day's expected end. One stray keystroke once clocked
 * a general manager out ten hours early; a confirmation costs a deliberate click one more press.
 * `null`: clock out without asking (late enough, already out once, or no day to judge against).
 */
export function earlyClockOut(
  kind: ClockKind,
  today: Pick<DayReport, 'firstIn' | 'lastOut' | 'expectedEnd'> | null,
  now: number,
): { expectedEnd: number; minutesEarly: number } | null {
  if (kind !== 'out' || !today || today.firstIn === null || today.lastOut !== null) return null;
  if (now >= today.expectedEnd - EARLY_SLACK_MS) return null;
  return { expectedEnd: today.expectedEnd, minutesEarly: Math.round((today.expectedEnd - now) / 60_000) };
}

import type { DayReport } from '../../../../shared/domain/attendance/index.ts';

/** A clock-in reminder is worth showing from this long before the shift starts. */
const IN_WINDOW_BEFORE_MS = 2 * 3600_000;
/** After the expected end, a forgotten clock-out is still worth one reminder for this long. */
const OUT_WINDOW_AFTER_MS = 2 * 3600_000;

export type ClockReminder = { kind: 'in'; late: boolean } | { kind: 'out' };

/**
 * When to remind someone to clock in or out, from today's judged day. Pure, so every case runs with
 * a controlled clock:
 * - Clock in: on the first activity of a workday (sign-in, unlock, resume), when nothing is clocked
 *   or queued. Before the late threshold it is a plain reminder; past it, it says so.
 * - Clock out: once the rule's reminder time comes, when clocked in and not out.
 * - Nothing on rest days, holidays or a day of approved leave; each reminder at most once a day.
 */
export class ClockReminders {
  private remindedIn: string | null = null;
  private remindedOut: string | null = null;

  onActivity(today: DayReport | null, queued: 'in' | 'out' | null, now: number): ClockReminder | null {
    if (!today || !expectsWork(today) || this.remindedIn === today.date) return null;
    if (today.firstIn !== null || queued === 'in') return null;
    if (now < today.shiftStart - IN_WINDOW_BEFORE_MS || now >= today.shiftEnd) return null;
    this.remindedIn = today.date;
    return { kind: 'in', late: now >= today.lateAfter };
  }

  onTick(today: DayReport | null, queued: 'in' | 'out' | null, now: number): ClockReminder | null {
    if (!today || !expectsWork(today) || this.remindedOut === today.date) return null;
    if (today.firstIn === null || today.lastOut !== null || queued === 'out') return null;
    if (now < today.remindOutAt || now >= today.expectedEnd + OUT_WINDOW_AFTER_MS) return null;
    this.remindedOut = today.date;
    return { kind: 'out' };
  }
}

function expectsWork(today: DayReport): boolean {
  return today.kind === 'workday' && today.leave !== 'full';
}

/** The day of a month report that `now` falls in (each day owns from 4 h before its shift to 4 h before the next). */
export function dayContaining(days: readonly DayReport[], now: number, leadMs = 4 * 3600_000): DayReport | null {
  let found: DayReport | null = null;
  for (const day of days) if (day.shiftStart - leadMs <= now) found = day;
  return found;
}

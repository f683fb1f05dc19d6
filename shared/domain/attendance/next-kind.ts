import type { ClockKind, ClockRecord } from './records.ts';
import type { DayReport } from './reports.ts';

/** Whether the next clock is in or out: after a queued or recorded clock-in it is out, else in. */
export function nextClockKind(state: {
  queued: { kind: ClockKind } | null;
  today: Pick<DayReport, 'firstIn' | 'lastOut'> | null;
  last: Pick<ClockRecord, 'kind'> | null;
}): ClockKind {
  const { queued, today, last } = state;
  const latest =
    queued?.kind ?? (today ? (today.lastOut !== null ? 'out' : today.firstIn !== null ? 'in' : null) : (last?.kind ?? null));
  return latest === 'in' ? 'out' : 'in';
}

/** Splits minutes for "9 h 38 min"; under an hour it stays minutes. */
export function splitMinutes(total: number): { key: 'min' | 'hm'; h: number; m: number } {
  return total < 60 ? { key: 'min', h: 0, m: total } : { key: 'hm', h: Math.floor(total / 60), m: total % 60 };
}

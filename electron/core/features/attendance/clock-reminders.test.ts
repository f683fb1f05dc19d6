import { describe, expect, it } from 'vitest';
import type { DayReport } from '../../../../shared/domain/attendance/index.ts';
import { ClockReminders, dayContaining } from './clock-reminders.ts';

const H = 3600_000;
const M = 60_000;
const START = Date.UTC(2026, 10, 23, 1, 0); // 09:00 in Shanghai

function day(overrides: Partial<DayReport> = {}): DayReport {
  return {
    date: '2026-11-23',
    timeZone: 'Asia/Shanghai',
    kind: 'workday',
    status: 'pending',
    shiftStart: START,
    shiftEnd: START + 9 * H,
    lateAfter: START,
    expectedEnd: START + 9 * H,
    remindOutAt: START + 9 * H - 5 * M,
    firstIn: null,
    lastOut: null,
    lateMinutes: 0,
    earlyMinutes: 0,
    workedMinutes: 0,
    leave: 'none',
    corrected: false,
    review: false,
    extraIns: 0,
    ...overrides,
  };
}

describe('clock reminders', () => {
  it('reminds to clock in on the first activity of a workday, once, and says when it is already late', () => {
    const reminders = new ClockReminders();
    expect(reminders.onActivity(day(), null, START - 3 * H)).toBeNull(); // 06:00: too early to matter
    expect(reminders.onActivity(day(), null, START - 20 * M)).toEqual({ kind: 'in', late: false });
    expect(reminders.onActivity(day(), null, START - 10 * M)).toBeNull(); // the second unlock stays quiet
    expect(new ClockReminders().onActivity(day(), null, START + 15 * M)).toEqual({ kind: 'in', late: true });
  });

  it('stays quiet when clocked in, when a clock-in waits in the outbox, on leave, on rest days and after the shift', () => {
    const quiet = (d: DayReport | null, queued: 'in' | 'out' | null = null, now = START - 10 * M) =>
      new ClockReminders().onActivity(d, queued, now);
    expect(quiet(day({ firstIn: START - 5 * M }))).toBeNull();
    expect(quiet(day(), 'in')).toBeNull();
    expect(quiet(day({ leave: 'full', status: 'on_leave' }))).toBeNull();
    expect(quiet(day({ kind: 'rest', status: 'rest' }))).toBeNull();
    expect(quiet(day({ kind: 'holiday', status: 'holiday' }))).toBeNull();
    expect(quiet(day(), null, START + 9 * H + M)).toBeNull();
    expect(quiet(null)).toBeNull();
  });

  it('follows leave in the morning: the late threshold moved, so 10:30 is not late', () => {
    const afternoon = day({ leave: 'partial', lateAfter: START + 4 * H });
    expect(new ClockReminders().onActivity(afternoon, null, START + 90 * M)).toEqual({ kind: 'in', late: false });
  });

  it('reminds to clock out from the rule’s minutes before the expected end, once, and not after clocking out', () => {
    const reminders = new ClockReminders();
    const working = day({ firstIn: START - 5 * M, status: 'in_progress' });
    expect(reminders.onTick(working, null, START + 8 * H)).toBeNull();
    expect(reminders.onTick(working, null, START + 9 * H - 4 * M)).toEqual({ kind: 'out' });
    expect(reminders.onTick(working, null, START + 9 * H)).toBeNull();
    expect(new ClockReminders().onTick({ ...working, lastOut: START + 9 * H - 6 * M }, null, START + 9 * H)).toBeNull();
    expect(new ClockReminders().onTick(working, 'out', START + 9 * H)).toBeNull();
    expect(new ClockReminders().onTick(working, null, START + 12 * H)).toBeNull(); // long gone home
    expect(new ClockReminders().onTick(day(), null, START + 9 * H)).toBeNull(); // never clocked in
  });

  it('finds the day of a month that an instant belongs to', () => {
    const days = [0, 1, 2].map((i) => day({ date: `2026-11-2${3 + i}`, shiftStart: START + i * 24 * H }));
    expect(dayContaining(days, START + 24 * H - 5 * H)?.date).toBe('2026-11-23');
    expect(dayContaining(days, START + 24 * H - 3 * H)?.date).toBe('2026-11-24');
    expect(dayContaining(days, START - 5 * H)).toBeNull();
  });
});

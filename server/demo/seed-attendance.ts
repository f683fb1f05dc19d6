import type { AttendanceBook } from '../features/attendance/attendance-book.ts';
import type { ClockStore } from '../features/attendance/clock-store.ts';
import { addDays, shiftOn } from '../features/attendance/shift.ts';
import type { WriteGate } from '../delivery/write-gate.ts';
import { demoUsers } from './demo-organisation.ts';

const DAYS_BACK = 24;
const MINUTE = 60_000;

/** The workday before `now` on which the demo's make-up request says the badge reader was down. */
export function demoMakeupDate(book: AttendanceBook, userId: string, now: number): string {
  const rule = book.ruleFor(userId);
  let date = addDays(book.dateOf(userId, now), -1);
  while (shiftOn(rule, date).kind !== 'workday') date = addDays(date, -1);
  return date;
}

/**
 * Three weeks of believable history, so the calendar and HR's report have something to show: mostly
 * on time, a late morning now and then, a forgotten clock-out, one absence. Deterministic by user
 * and day, written without events (history, not news). Today is left for the user to clock.
 */
export function seedDemoAttendance(deps: { gate: WriteGate; clocks: ClockStore; book: AttendanceBook; now: number }): void {
  const { book, clocks, now } = deps;
  deps.gate.write(() => {
    demoUsers.forEach((user, u) => {
      const rule = book.ruleFor(user.id);
      const today = book.dateOf(user.id, now);
      const makeupDate = demoMakeupDate(book, user.id, now);
      for (let back = DAYS_BACK; back >= 1; back -= 1) {
        const date = addDays(today, -back);
        const shift = shiftOn(rule, date);
        if (shift.kind !== 'workday') continue;
        const roll = (u * 7 + back * 13) % 20;
        if (roll === 2 && u % 5 === 0) continue; // absent
        const inAt = roll === 0 ? shift.start + (5 + (u % 4) * 5) * MINUTE : shift.start - (20 - ((u + back) % 15)) * MINUTE;
        const outAt = shift.end + ((u * back) % 40) * MINUTE;
        const missingIn = user.username === 'he.ping' && date === makeupDate;
        const missingOut = roll === 1;
        const write = (kind: 'in' | 'out', at: number, n: number) =>
          clocks.insert({
            id: `c_demo_${user.id}_${date}_${n}`,
            userId: user.id,
            kind,
            at,
            clientTime: at,
            offline: false,
            source: 'online',
            status: 'accepted',
            reviewReason: null,
            note: null,
            ip: null,
            requestId: null,
            receivedAt: at,
          });
        if (!missingIn) write('in', inAt, 1);
        if (!missingOut) write('out', outAt, 2);
      }
    });
  });
}

/** `YYYY-MM-DDT08:55` of the make-up date, as the make-up form writes it. */
export function demoMakeupValue(book: AttendanceBook, userId: string, now: number): string {
  return `${demoMakeupDate(book, userId, now)}T08:55`;
}

import { DateTime } from 'luxon';
import { type AttendanceRule, type ClockKind, defaultAttendanceRule } from '../../shared/domain/attendance/index.ts';
import { type ApprovalWorld, approvalWorld, id } from './approval-world.ts';

export const SHANGHAI = 'Asia/Shanghai';
export const at = (iso: string): number => DateTime.fromISO(iso, { zone: SHANGHAI }).toMillis();

/** The approval world plus attendance helpers: clock someone at a wall-clock time, set rules. */
export async function attendanceWorld(start = at('2026-11-23T08:00')) {
  const world = await approvalWorld(start);
  const attendance = world.server.services.attendance;
  // The demo seeds three weeks of history; these tests write their own.
  world.sql('DELETE FROM clock_records');
  const office = (username: string, ip = '10.20.3.4') => ({ userId: id(username), ip, clientSkewMs: 0 });
  /** An online clock at `iso` (Shanghai wall clock) from the office network. */
  const clockAt = (username: string, kind: ClockKind, iso: string, ip?: string) => {
    world.clock.set(at(iso));
    return attendance.service.record(office(username, ip), kind, { clientTime: at(iso), offline: false });
  };
  const setRule = (rule: Partial<AttendanceRule>) =>
    attendance.rules.save({ ...defaultAttendanceRule(SHANGHAI), ...rule }, world.clock.now(), id('huang.min'));
  const day = (username: string, date: string) => attendance.book.day(id(username), date, world.clock.now());
  return { ...world, attendance, office, clockAt, setRule, day };
}
export type AttendanceWorld = Awaited<ReturnType<typeof attendanceWorld>>;
export type { ApprovalWorld };

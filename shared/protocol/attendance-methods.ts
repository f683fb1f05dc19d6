import { z } from 'zod';
import { ClockNote, ClockOutcome, IsoMonth, MonthReport } from '../domain/attendance/index.ts';
import { Instant } from '../domain/ids.ts';

const ClockParams = z.object({ clientTime: Instant, offline: z.boolean(), note: ClockNote.optional() });

/** Attendance's methods: clocking and the month. */
export const attendanceMethods = {
  'attendance.clockIn': { mutating: true, params: ClockParams, result: ClockOutcome },
  'attendance.clockOut': { mutating: true, params: ClockParams, result: ClockOutcome },
  'attendance.month': { mutating: false, params: z.object({ month: IsoMonth }), result: MonthReport },
} as const;

import { z } from 'zod';
import { ClockRecord, DayReport } from '../domain/attendance/index.ts';

/** What attendance puts in a user's log. */
export const attendanceEvents = [
  /** A clock was recorded, corrected or reviewed; `today` is the user's day as judged now. */
  z.object({ kind: z.literal('attendance.clocked'), record: ClockRecord, today: DayReport }),
] as const;

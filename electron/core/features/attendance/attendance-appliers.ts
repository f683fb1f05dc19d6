import type { Appliers, KindsOf } from '../../cache/event-appliers.ts';
import type { AttendanceCache } from './attendance-cache.ts';

/** Attendance events: a clock recorded, corrected or reviewed, and today as judged now. */
export const attendanceAppliers = (attendance: AttendanceCache) =>
  ({
    'attendance.clocked': (event) => {
      attendance.upsert(event.record);
      attendance.setToday(event.today);
      return 'attendance';
    },
  }) satisfies Appliers<KindsOf<'attendance'>>;

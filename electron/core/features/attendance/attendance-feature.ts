import { defineCoreFeature } from '../core-feature.ts';
import { attendanceAppliers } from './attendance-appliers.ts';

/** Attendance in core: today's clocks in the cache; its assistant reminds and answers the calls. */
export const attendanceFeature = defineCoreFeature({
  name: 'attendance',
  appliers: (cache) => attendanceAppliers(cache.attendance),
  snapshot: (cache, snapshot) => cache.attendance.replaceAll(snapshot.todayClocks, snapshot.attendanceToday),
  handlers: (ctx) => ctx.assistants.attendance.handlers(),
});

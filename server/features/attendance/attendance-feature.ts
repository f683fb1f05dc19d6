import { defineFeature } from '../server-feature.ts';
import type { Attendance } from './attendance-module.ts';

/** Attendance on the server: clocking and the month for each person; rules, reports and reviews for HR. */
export function attendanceFeature(attendance: Attendance) {
  const { service } = attendance;
  return defineFeature({
    name: 'attendance',
    snapshot: (userId) => ({ todayClocks: service.todaysRecords(userId), attendanceToday: service.today(userId) }),
    methods: {
      'attendance.clockIn': (ctx, p) => service.record(ctx, 'in', p),
      'attendance.clockOut': (ctx, p) => service.record(ctx, 'out', p),
      'attendance.month': (ctx, p) => service.month(ctx.userId, p.month),
    },
    addRoutes(routes, access) {
      attendance.addRoutes(routes, access.signedIn);
    },
    personalData: (userId) => ({
      clocks: attendance.clocks.range(userId, 0, Number.MAX_SAFE_INTEGER),
      reviews: attendance.clocks.auditOf(userId),
    }),
  });
}

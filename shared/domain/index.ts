export * from './ids.ts';
export * from './user.ts';
export * from './notice.ts';
export * from './approval.ts';
export * from './attendance.ts';
export * from './clock.ts';

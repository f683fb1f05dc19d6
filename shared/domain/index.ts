export * from './ids.ts';
export * from './user.ts';
export * from './notice.ts';
export * from './approvals/index.ts';
export * from './attendance/index.ts';
export * from './clock.ts';

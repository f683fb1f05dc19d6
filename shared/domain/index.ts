export * from './ids.ts';
export * from './user.ts';
export * from './notices/index.ts';
export * from './approvals/index.ts';
export * from './attendance/index.ts';
export * from './clock.ts';
export * from './brief.ts';

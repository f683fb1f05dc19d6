export * from './records.ts';
export * from './rules.ts';
export * from './reports.ts';
export * from './next-kind.ts';
export * from './leave-span.ts';

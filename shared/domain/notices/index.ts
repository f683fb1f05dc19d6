export * from './audience.ts';
export * from './notice.ts';
export * from './publishing.ts';

export * from './tool.ts';
export * from './tickets.ts';

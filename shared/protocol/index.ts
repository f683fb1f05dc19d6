export * from './errors.ts';
export * from './events.ts';
export * from './frames.ts';
export * from './http-api.ts';
export * from './methods.ts';
export * from './signals.ts';

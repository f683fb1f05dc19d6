export * from './conversation.ts';
export * from './message.ts';
export * from './policy.ts';

import { z } from 'zod';

/** Ids minted by the server (users, notices, tasks). Short, URL-safe, never parsed for meaning. */
export const EntityId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'ids are letters, digits and _ . : -');
export type EntityId = z.infer<typeof EntityId>;

/** An instant as epoch milliseconds: the wire carries numbers, the UI formats them. */
export const Instant = z.number().int().nonnegative();
export type Instant = z.infer<typeof Instant>;

/** Ids a client mints for its actions so a retry has one effect (Matrix's txnId). */
export const ClientActionId = z.uuid();
export type ClientActionId = z.infer<typeof ClientActionId>;

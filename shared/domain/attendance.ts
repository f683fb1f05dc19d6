import { z } from 'zod';
import { EntityId, Instant } from './ids.ts';

export const ClockKind = z.enum(['in', 'out']);
export type ClockKind = z.infer<typeof ClockKind>;

/** A clock event: `at` is server time (the truth); `clientTime` is what the PC believed, kept for review. */
export const ClockRecord = z.object({
  id: EntityId,
  kind: ClockKind,
  at: Instant,
  clientTime: Instant,
  offline: z.boolean(),
});
export type ClockRecord = z.infer<typeof ClockRecord>;

import { z } from 'zod';
import { EntityId, Instant } from './ids.ts';

/** A thank-you is a sentence or two, not a letter. */
export const KUDOS_MESSAGE_MAX = 280;
/** Thanks one person may give in a day: enough for real thanks, too few to spam a colleague's toasts. */
export const KUDOS_PER_DAY_MAX = 20;
/** The People page counts the thanks received in this many days. */
export const KUDOS_WINDOW_DAYS = 30;
/** How many recent thanks a person's card lists. */
export const KUDOS_RECENT_MAX = 10;

export const KudosMessage = z.string().trim().min(1).max(KUDOS_MESSAGE_MAX);

/** One colleague thanking another. */
export const Kudos = z.object({
  id: EntityId,
  fromUserId: EntityId,
  fromName: z.string().max(128),
  toUserId: EntityId,
  message: z.string().max(KUDOS_MESSAGE_MAX),
  at: Instant,
});
export type Kudos = z.infer<typeof Kudos>;

/** Thanks received per person since `since`; people with none are left out. */
export const KudosCounts = z.object({
  since: Instant,
  counts: z.array(z.object({ userId: EntityId, count: z.number().int().positive() })).max(200_000),
});
export type KudosCounts = z.infer<typeof KudosCounts>;

import { z } from 'zod';
import { EntityId, Instant } from '../ids.ts';

export const ClockKind = z.enum(['in', 'out']);
export type ClockKind = z.infer<typeof ClockKind>;

/** How a record came to be: clicked while connected, sent later from the outbox, or written by an approved make-up request. */
export const ClockSource = z.enum(['online', 'offline', 'correction']);
export type ClockSource = z.infer<typeof ClockSource>;

/**
 * `accepted` records count; `review` records count provisionally and are flagged for HR (an offline
 * clock that arrived too late, or from outside the office networks); `rejected` records were kept
 * for the audit trail but no longer count.
 */
export const RecordStatus = z.enum(['accepted', 'review', 'rejected']);
export type RecordStatus = z.infer<typeof RecordStatus>;

export const ReviewReason = z.enum(['late_sync', 'network']);
export type ReviewReason = z.infer<typeof ReviewReason>;

/**
 * A clock event. `at` is the time that counts: server time when clicked online, the click's time
 * corrected for the PC's clock error when it came through the outbox. `clientTime` is what the PC
 * believed, kept for review.
 */
export const ClockRecord = z.object({
  id: EntityId,
  kind: ClockKind,
  at: Instant,
  clientTime: Instant,
  offline: z.boolean(),
  source: ClockSource,
  status: RecordStatus,
  reviewReason: ReviewReason.nullable(),
  note: z.string().max(500).nullable(),
  /**
   * When the server received it. `at` is the click (an offline clock keeps its minute); this is
   * when it arrived, so HR sees both. Null for a record older than the journal that knew it.
   */
  receivedAt: Instant.nullable().default(null),
});
export type ClockRecord = z.infer<typeof ClockRecord>;

/** What a user may write with a clock: remote and field workers must say where they are. */
export const ClockNote = z.string().trim().min(1).max(500);

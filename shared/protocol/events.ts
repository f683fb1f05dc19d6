import { z } from 'zod';
import { ApprovalOutcome, ApprovalTaskSummary } from '../domain/approval.ts';
import { ClockRecord } from '../domain/attendance.ts';
import { EntityId, Instant } from '../domain/ids.ts';
import { NoticeSummary } from '../domain/notice.ts';

/**
 * What can enter a user's event log. Each kind is a fact the client applies to its cache;
 * applying the same seq twice must never happen, so kinds carry state, not increments.
 */
export const UserEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notice.published'), notice: NoticeSummary }),
  z.object({
    kind: z.literal('notice.read'),
    noticeId: EntityId,
    readAt: Instant,
  }),
  z.object({ kind: z.literal('approval.assigned'), task: ApprovalTaskSummary }),
  z.object({
    kind: z.literal('approval.closed'),
    taskId: EntityId,
    outcome: ApprovalOutcome,
  }),
  z.object({ kind: z.literal('attendance.clocked'), record: ClockRecord }),
]);
export type UserEvent = z.infer<typeof UserEvent>;
export type UserEventKind = UserEvent['kind'];

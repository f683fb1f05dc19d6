import { z } from 'zod';
import { EntityId, Instant } from './ids.ts';

export const ApprovalTaskSummary = z.object({
  id: EntityId,
  requestId: EntityId,
  templateKey: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  submitterName: z.string().max(128),
  submittedAt: Instant,
});
export type ApprovalTaskSummary = z.infer<typeof ApprovalTaskSummary>;

export const ApprovalOutcome = z.enum(['approved', 'rejected', 'returned', 'withdrawn', 'cancelled']);
export type ApprovalOutcome = z.infer<typeof ApprovalOutcome>;

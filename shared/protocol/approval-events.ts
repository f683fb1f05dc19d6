import { z } from 'zod';
import { ApprovalTaskSummary, DoneTaskSummary, OutOfOffice, RequestSummary } from '../domain/approvals/request.ts';
import { LocalizedText } from '../domain/approvals/template.ts';
import { EntityId, Instant } from '../domain/ids.ts';

/** What approvals put in approvers' and requesters' logs. */
export const approvalEvents = [
  /** A task entered this user's inbox (new, delegated to them, escalated to them, or handed back). */
  z.object({ kind: z.literal('approval.assigned'), task: ApprovalTaskSummary }),
  /** A task left this user's inbox; `done` is how it ended, for the "done" list. */
  z.object({ kind: z.literal('approval.closed'), taskId: EntityId, done: DoneTaskSummary }),
  /** The current state of a request this user submitted. */
  z.object({ kind: z.literal('approval.request'), request: RequestSummary }),
  /** Something happened on a request this user takes part in (a comment, a decision): refresh an open detail. */
  z.object({ kind: z.literal('approval.activity'), requestId: EntityId }),
  z.object({
    kind: z.literal('approval.reminder'),
    taskId: EntityId,
    requestId: EntityId,
    title: z.string().max(200),
    templateName: LocalizedText,
    escalated: z.boolean(),
  }),
  /** The morning digest: what waits for this user at the start of a workday. */
  z.object({
    kind: z.literal('approval.digest'),
    day: z.string().max(10),
    count: z.number().int().positive(),
    oldestSubmittedAt: Instant,
  }),
  /** This user's out-of-office period changed (on another device, or it ended). */
  z.object({ kind: z.literal('approval.outOfOffice'), outOfOffice: OutOfOffice.nullable() }),
] as const;

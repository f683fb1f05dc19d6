import { z } from 'zod';
import { ApprovalTaskSummary, DoneTaskSummary, OutOfOffice, RequestSummary } from '../domain/approvals/request.ts';
import { LocalizedText } from '../domain/approvals/template.ts';
import { ClockRecord, DayReport, IsoDate } from '../domain/attendance/index.ts';
import { BRIEF_ITEMS_MAX, BriefItem } from '../domain/brief.ts';
import { EntityId, Instant } from '../domain/ids.ts';
import { NoticeContent, NoticeStats } from '../domain/notices/index.ts';
import { ChatMessage, Conversation } from '../domain/chat/index.ts';

/**
 * What can enter a user's event log. Each kind is a fact the client applies to its cache;
 * applying the same seq twice must never happen, so kinds carry state, not increments.
 */
export const UserEvent = z.discriminatedUnion('kind', [
  /** A notice reached this user: published to them, or they joined its audience while it is live. */
  z.object({ kind: z.literal('notice.published'), notice: NoticeContent, onboarding: z.boolean().default(false) }),
  /** The publisher edited it (the content carries `editedAt`), pinned or unpinned it. */
  z.object({ kind: z.literal('notice.updated'), notice: NoticeContent }),
  z.object({ kind: z.literal('notice.withdrawn'), noticeId: EntityId }),
  z.object({
    kind: z.literal('notice.read'),
    noticeId: EntityId,
    readAt: Instant,
  }),
  z.object({ kind: z.literal('notice.acknowledged'), noticeId: EntityId, readAt: Instant, ackedAt: Instant }),
  /** The publisher reminded the people who have not read (or acknowledged) it yet. */
  z.object({ kind: z.literal('notice.reminded'), noticeId: EntityId, remindedAt: Instant }),
  /** For the publisher: a notice's reach as it is now (carries totals, never increments). */
  z.object({ kind: z.literal('notice.stats'), stats: NoticeStats }),
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
  /** An admin changed the tool catalog: fetch it again (the catalog depends on who is asking). */
  z.object({ kind: z.literal('launcher.changed') }),
  /** This user's favourite tools, as they are now (changed on another device, too). */
  z.object({ kind: z.literal('launcher.favorites'), toolIds: z.array(EntityId).max(500) }),
  /** A conversation this user is in, as it is now (created, renamed, members changed). */
  z.object({ kind: z.literal('chat.conversation'), conversation: Conversation }),
  /** A message, new or as edited or deleted since (the same message again replaces the old copy). */
  z.object({ kind: z.literal('chat.message'), message: ChatMessage }),
  /** A member read up to `seq` (this user on another device, or someone whose receipt this user sees). */
  z.object({ kind: z.literal('chat.read'), conversationId: EntityId, userId: EntityId, seq: z.number().int().nonnegative() }),
  /** This user muted or unmuted it (on any device). */
  z.object({ kind: z.literal('chat.muted'), conversationId: EntityId, muted: z.boolean() }),
  /** This user left the conversation or was removed from it. */
  z.object({ kind: z.literal('chat.left'), conversationId: EntityId }),
  /** The key items of this user's department for `day`, as they are now; `added` names a new one and who added it. */
  z.object({
    kind: z.literal('brief.items'),
    day: IsoDate,
    items: z.array(BriefItem).max(BRIEF_ITEMS_MAX),
    added: z.object({ itemId: EntityId, by: EntityId }).nullable(),
  }),
  /** A clock was recorded, corrected or reviewed; `today` is the user's day as judged now. */
  z.object({ kind: z.literal('attendance.clocked'), record: ClockRecord, today: DayReport }),
]);
export type UserEvent = z.infer<typeof UserEvent>;
export type UserEventKind = UserEvent['kind'];

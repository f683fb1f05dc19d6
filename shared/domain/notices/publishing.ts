import { z } from 'zod';
import { EntityId, Instant } from '../ids.ts';
import { Audience } from './audience.ts';
import { NOTICE_BODY_MAX, NOTICE_TITLE_MAX, NoticeContent, NoticePriority } from './notice.ts';

const Title = z.string().trim().min(1).max(NOTICE_TITLE_MAX);
const Body = z.string().max(NOTICE_BODY_MAX);

/** What a publisher sends. Urgent implies "requires acknowledgement": it comes back until acknowledged. */
export const NoticeDraft = z.object({
  title: Title,
  body: Body.default(''),
  priority: NoticePriority.default('normal'),
  requiresAck: z.boolean().default(false),
  renotifyMinutes: z.number().int().min(1).max(240).nullable().default(null),
  pinned: z.boolean().default(false),
  audience: Audience,
  /** Publish later; null or absent publishes now. */
  publishAt: Instant.nullable().default(null),
  expiresAt: Instant.nullable().default(null),
  attachmentIds: z.array(EntityId).max(10).default([]),
});
export type NoticeDraft = z.infer<typeof NoticeDraft>;

/** An edit: what recipients see changes and is marked "edited"; the audience does not. */
export const NoticeEdit = z.object({
  noticeId: EntityId,
  title: Title,
  body: Body,
  priority: NoticePriority,
  requiresAck: z.boolean(),
  renotifyMinutes: z.number().int().min(1).max(240).nullable().default(null),
  pinned: z.boolean(),
  expiresAt: Instant.nullable(),
});
export type NoticeEdit = z.infer<typeof NoticeEdit>;

export const NoticeStatus = z.enum(['scheduled', 'live', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** `recipients`: how many the audience reached when it went live (0 while scheduled). */
export const PublishOutcome = z.object({ noticeId: EntityId, recipients: z.number().int().nonnegative(), status: NoticeStatus });
export type PublishOutcome = z.infer<typeof PublishOutcome>;

export const ReachCounts = z.object({
  total: z.number().int().nonnegative(),
  /** Written to a device: the recipient's client confirmed the event. */
  delivered: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
  acknowledged: z.number().int().nonnegative(),
});
export type ReachCounts = z.infer<typeof ReachCounts>;

/** The publisher's live view of one notice, overall and per department (where each recipient sat when it arrived). */
export const NoticeStats = ReachCounts.extend({
  noticeId: EntityId,
  requiresAck: z.boolean(),
  departments: z.array(ReachCounts.extend({ departmentId: EntityId.nullable(), departmentName: z.string().max(128).nullable() })),
  computedAt: Instant,
});
export type NoticeStats = z.infer<typeof NoticeStats>;

export const PublishedNotice = NoticeContent.extend({
  status: NoticeStatus,
  audience: Audience,
  publishAt: Instant.nullable(),
  withdrawnAt: Instant.nullable(),
  reach: ReachCounts,
});
export type PublishedNotice = z.infer<typeof PublishedNotice>;

/** A recipient who still owes the notice a read (or, when required, an acknowledgement). */
export const Straggler = z.object({
  userId: EntityId,
  name: z.string().max(128),
  departmentName: z.string().max(128).nullable(),
  delivered: z.boolean(),
  readAt: Instant.nullable(),
  remindedAt: Instant.nullable(),
  reminders: z.number().int().nonnegative(),
});
export type Straggler = z.infer<typeof Straggler>;

/** The publisher's page for one notice: every number and name from one read of its recipients. */
export const NoticeReachView = z.object({ stats: NoticeStats, stragglers: z.array(Straggler) });
export type NoticeReachView = z.infer<typeof NoticeReachView>;

/** Reminding the same people again within this window is refused: a reminder must stay rare to work. */
export const REMIND_COOLDOWN_MS = 10 * 60_000;

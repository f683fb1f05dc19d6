import { z } from 'zod';
import { AttachmentRef } from '../approvals/request.ts';
import { EntityId, Instant } from '../ids.ts';

export const NoticePriority = z.enum(['normal', 'important', 'urgent']);
export type NoticePriority = z.infer<typeof NoticePriority>;

export const NOTICE_TITLE_MAX = 200;
/** Fits one 64 KiB frame even in Chinese (3 bytes a character). */
export const NOTICE_BODY_MAX = 16_000;
/** How often an unacknowledged urgent notice comes back, unless the publisher says otherwise. */
export const DEFAULT_RENOTIFY_MINUTES = 10;

/**
 * A notice as every recipient sees it. New fields carry defaults so events written by an older
 * server still parse.
 */
export const NoticeContent = z.object({
  id: EntityId,
  title: z.string().min(1).max(NOTICE_TITLE_MAX),
  /** Markdown; the renderer shows it without raw HTML and with http(s) links only. */
  body: z.string().max(NOTICE_BODY_MAX),
  priority: NoticePriority,
  requiresAck: z.boolean(),
  /** Urgent notices come back as a toast every this many minutes until acknowledged. */
  renotifyMinutes: z.number().int().min(1).max(240).nullable().default(null),
  pinned: z.boolean().default(false),
  publishedAt: Instant,
  editedAt: Instant.nullable().default(null),
  expiresAt: Instant.nullable().default(null),
  publisherId: EntityId.nullable().default(null),
  publisherName: z.string().max(128),
  attachments: z.array(AttachmentRef).max(10).default([]),
});
export type NoticeContent = z.infer<typeof NoticeContent>;

/** A notice with this user's own state of it. */
export const NoticeSummary = NoticeContent.extend({
  readAt: Instant.nullable(),
  /** When this user acknowledged a required notice (server time, recorded once). */
  ackedAt: Instant.nullable().default(null),
  /** One of the notices a new account's feed starts with. */
  onboarding: z.boolean().default(false),
  remindedAt: Instant.nullable().default(null),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

/** Still to do for this user: unread, or a required notice not yet acknowledged. */
export function noticeOutstanding(notice: Pick<NoticeSummary, 'readAt' | 'ackedAt' | 'requiresAck'>): boolean {
  return notice.requiresAck ? notice.ackedAt === null : notice.readAt === null;
}

export function noticeExpired(notice: Pick<NoticeContent, 'expiresAt'>, now: number): boolean {
  return notice.expiresAt !== null && notice.expiresAt <= now;
}

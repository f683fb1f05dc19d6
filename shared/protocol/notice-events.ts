import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids.ts';
import { NoticeContent, NoticeStats } from '../domain/notices/index.ts';

/** What a notice puts in its readers' and its publisher's logs. */
export const noticeEvents = [
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
] as const;

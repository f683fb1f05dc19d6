import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids.ts';
import { ContentLanguage } from '../domain/localized-text.ts';
import {
  NoticeDraft,
  NoticeEdit,
  NoticeReachView,
  NoticeStats,
  PublishedNotice,
  PublishOutcome,
  Straggler,
} from '../domain/notices/index.ts';

const NoticeRef = z.object({ noticeId: EntityId });

/** Notices' methods: reading and acknowledging, and the publisher's side. */
export const noticeMethods = {
  'notices.markRead': {
    mutating: true,
    params: z.object({ noticeId: EntityId }),
    result: z.object({ noticeId: EntityId, readAt: Instant }),
  },
  /** Records "I have read and understood" once, with the server's time; a repeat returns the first answer. */
  'notices.acknowledge': {
    mutating: true,
    params: NoticeRef,
    result: z.object({ noticeId: EntityId, readAt: Instant, ackedAt: Instant }),
  },
  'notices.publish': { mutating: true, params: NoticeDraft, result: PublishOutcome },
  'notices.edit': { mutating: true, params: NoticeEdit, result: z.object({ noticeId: EntityId }) },
  'notices.withdraw': { mutating: true, params: NoticeRef, result: z.object({ noticeId: EntityId }) },
  /** Reminds only those who have not read it (or, when required, not acknowledged it). */
  'notices.remind': { mutating: true, params: NoticeRef, result: z.object({ noticeId: EntityId, reminded: z.number().int() }) },
  'notices.published': { mutating: false, params: z.object({}), result: z.array(PublishedNotice) },
  'notices.stats': { mutating: false, params: NoticeRef, result: NoticeStats },
  'notices.stragglers': { mutating: false, params: NoticeRef, result: z.array(Straggler) },
  /** The publisher's page: headline, department meters and stragglers from one read of the recipients. */
  'notices.reach': {
    mutating: false,
    params: NoticeRef,
    result: NoticeReachView,
  },
  'notices.exportCsv': {
    mutating: false,
    params: NoticeRef.extend({ language: ContentLanguage.default('en') }),
    result: z.object({ fileName: z.string().max(255), csv: z.string() }),
  },
} as const;

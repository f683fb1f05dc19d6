import type { Appliers, KindsOf } from '../../cache/event-appliers.ts';
import type { NoticesCache } from './notices-cache.ts';

/** Notice events into the notices cache. */
export const noticeAppliers = (notices: NoticesCache) =>
  ({
    'notice.published': (event) => {
      notices.upsertContent(event.notice, event.onboarding);
      return 'notices';
    },
    'notice.updated': (event) => {
      notices.upsertContent(event.notice);
      return 'notices';
    },
    'notice.withdrawn': (event) => {
      notices.remove(event.noticeId);
      return 'notices';
    },
    'notice.read': (event) => {
      notices.markRead(event.noticeId, event.readAt);
      return 'notices';
    },
    'notice.acknowledged': (event) => {
      notices.acknowledge(event.noticeId, event.readAt, event.ackedAt);
      return 'notices';
    },
    'notice.reminded': (event) => {
      notices.reminded(event.noticeId, event.remindedAt);
      return 'notices';
    },
    'notice.stats': (event) => {
      notices.setStats(event.stats);
      return 'noticeStats';
    },
  }) satisfies Appliers<KindsOf<'notice'>>;

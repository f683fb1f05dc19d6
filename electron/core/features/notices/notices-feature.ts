import { defineCoreFeature } from '../core-feature.ts';
import { noticeAppliers } from './notice-appliers.ts';
import { noticeHandlers } from './notice-handlers.ts';
import { planNoticeToasts } from './notice-toasts.ts';

/** Notices in core: the cached feed, new and reminded notices as toasts, reading and publishing. */
export const noticesFeature = defineCoreFeature({
  name: 'notices',
  appliers: (cache) => noticeAppliers(cache.notices),
  snapshot: (cache, snapshot) => cache.notices.replaceAll(snapshot.notices),
  toasts: (events, { cache, now, t, me }) =>
    planNoticeToasts(
      events,
      (id) => cache.notices.get(id),
      (id) => cache.notices.outstanding(id, now),
      now,
      t,
      me,
    ),
  handlers: (ctx) =>
    noticeHandlers({
      session: ctx.session,
      act: ctx.act,
      clock: ctx.clock,
      changed: () => ctx.changed('notices', { withHome: true }),
      language: ctx.language,
    }),
});

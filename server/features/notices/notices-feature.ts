import type { GuardedTimer } from '../../store/guarded-timer.ts';
import { defineFeature } from '../server-feature.ts';
import type { Notices } from './notices-module.ts';

/** The newest notices a new device gets in its snapshot (older ones come by the list when asked). */
export const SNAPSHOT_NOTICE_LIMIT = 500;

/** Notices on the server: reading and publishing, the publisher's numbers, onboarding, the sweep. */
export function noticesFeature(notices: Notices, deps: { sweepMs: number; statsIntervalMs: number }) {
  const { service } = notices;
  let sweep: GuardedTimer | undefined;
  return defineFeature({
    name: 'notices',
    methods: {
      'notices.markRead': (ctx, p) => service.markRead(ctx.userId, p.noticeId),
      'notices.acknowledge': (ctx, p) => service.acknowledge(ctx.userId, p.noticeId),
      'notices.publish': (ctx, p) => service.publish(ctx.userId, p),
      'notices.edit': (ctx, p) => service.edit(ctx.userId, p),
      'notices.withdraw': (ctx, p) => service.withdraw(ctx.userId, p.noticeId),
      'notices.remind': (ctx, p) => service.remind(ctx.userId, p.noticeId),
      'notices.published': (ctx) => service.published(ctx.userId),
      'notices.stats': (ctx, p) => service.stats(ctx.userId, p.noticeId),
      'notices.stragglers': (ctx, p) => service.stragglers(ctx.userId, p.noticeId),
      'notices.reach': (ctx, p) => service.reach(ctx.userId, p.noticeId),
      'notices.exportCsv': (ctx, p) => service.exportCsv(ctx.userId, p.noticeId, p.language),
    },
    snapshot: async (userId) => ({ notices: await notices.store.recentForUser(userId, SNAPSHOT_NOTICE_LIMIT) }),
    personalData: async (userId) => ({ received: await notices.store.receiptsOf(userId) }),
    addRoutes(routes, access) {
      notices.addRoutes(routes, access.signedIn, access.roles(['admin'], 'only admins choose the onboarding notices'));
    },
    async start({ every }) {
      await notices.start(deps.statsIntervalMs, every);
      sweep = every('notice sweep', deps.sweepMs, () => notices.tick());
    },
    async stop() {
      sweep?.stop();
      await notices.stop();
    },
  });
}

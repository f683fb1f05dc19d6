import type { GuardedTimer } from '../../store/guarded-timer.ts';
import { defineFeature } from '../server-feature.ts';
import type { Approvals } from './approvals-module.ts';

/** How many of a person's own requests and decided tasks a new device gets in its snapshot. */
export const SNAPSHOT_HISTORY_LIMIT = 200;

/** Uploads never attached to anything (a form abandoned) are deleted after this. */
const UNLINKED_UPLOAD_TTL_MS = 6 * 3600_000;

/** Approvals on the server: the inbox's methods, templates, attachments and integrations, the sweeps. */
export function approvalsFeature(
  approvals: Approvals,
  deps: {
    now: () => number;
    serverVersion: string;
    sweepMs: number;
    callbackRetryMs: number;
    /** Someone's out-of-office changed (presence shows it). */
    leaveChanged: (userId: string) => void;
    mayDownloadLinked: {
      notice: (noticeId: string, userId: string) => Promise<boolean>;
      message: (messageId: string, userId: string) => boolean | Promise<boolean>;
    };
  },
) {
  const { service, outOfOffice } = approvals;
  const leaveChange = <T>(userId: string, change: () => T): T => {
    const result = change();
    deps.leaveChanged(userId);
    return result;
  };
  let timers: GuardedTimer[] = [];
  return defineFeature({
    name: 'approvals',
    snapshot: (userId) => ({
      pendingApprovals: approvals.tasks.pendingFor(userId),
      myRequests: approvals.tasks.requestsBy(userId, SNAPSHOT_HISTORY_LIMIT),
      doneTasks: approvals.tasks.doneFor(userId, SNAPSHOT_HISTORY_LIMIT),
      outOfOffice: outOfOffice.view(userId),
    }),
    methods: {
      'approvals.templates': () => service.enabledTemplates(),
      'approvals.detail': (ctx, p) => service.detail(ctx.userId, p.requestId),
      'approvals.preview': (ctx, p) => service.preview(ctx.userId, p),
      'approvals.submit': (ctx, p) => service.submit(ctx.userId, p),
      'approvals.decide': (ctx, p) => service.decide(ctx.userId, p),
      'approvals.withdraw': (ctx, p) => service.withdraw(ctx.userId, p.requestId),
      'approvals.comment': (ctx, p) => service.comment(ctx.userId, p),
      'approvals.setOutOfOffice': (ctx, p) => leaveChange(ctx.userId, () => outOfOffice.set(ctx.userId, p)),
      'approvals.clearOutOfOffice': (ctx) => leaveChange(ctx.userId, () => outOfOffice.clear(ctx.userId)),
    },
    personalData: (userId) => ({
      submitted: approvals.requests.submittedBy(userId).map((r) => ({
        id: r.id,
        template: r.templateKey,
        title: r.title,
        status: r.status,
        submittedAt: r.submittedAt,
        updatedAt: r.updatedAt,
        form: r.values,
        history: approvals.requests.history(r.id),
      })),
      decided: approvals.tasks.doneFor(userId, Number.MAX_SAFE_INTEGER),
      outOfOffice: approvals.outOfOffice.view(userId),
    }),
    addRoutes(routes, access) {
      approvals.addRoutes(routes, access.signedIn, deps.serverVersion, deps.mayDownloadLinked);
    },
    start({ every }) {
      timers = [
        every('approval sweep', deps.sweepMs, () => approvals.sweeper.tick()),
        every('unlinked uploads', deps.sweepMs, () => approvals.attachments.removeUnlinked(deps.now() - UNLINKED_UPLOAD_TTL_MS)),
      ];
      approvals.callbacks.start(Math.min(1000, deps.callbackRetryMs), every);
    },
    async stop() {
      for (const timer of timers) timer.stop();
      await approvals.callbacks.stop();
    },
  });
}

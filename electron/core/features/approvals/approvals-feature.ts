import { defineCoreFeature } from '../core-feature.ts';
import { approvalAppliers } from './approval-appliers.ts';
import { approvalHandlers } from './approval-handlers.ts';
import { planApprovalToasts } from './approval-toasts.ts';

/** Approvals in core: the cached inbox, tasks and decisions as toasts, deciding and submitting. */
export const approvalsFeature = defineCoreFeature({
  name: 'approvals',
  appliers: (cache) => approvalAppliers(cache.approvals),
  snapshot: (cache, snapshot) =>
    cache.approvals.replaceAll({
      pending: snapshot.pendingApprovals,
      done: snapshot.doneTasks,
      mine: snapshot.myRequests,
      outOfOffice: snapshot.outOfOffice,
    }),
  toasts: (events, { now, language, t }) => planApprovalToasts(events, now, language, t),
  handlers: (ctx) => approvalHandlers({ session: ctx.session, act: ctx.act, clock: ctx.clock }),
});

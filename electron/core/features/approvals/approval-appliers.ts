import type { Appliers, KindsOf } from '../../cache/event-appliers.ts';
import type { ApprovalsCache } from './approvals-cache.ts';

/** Approval events into the approvals cache (activity, reminders and the digest only refresh or toast). */
export const approvalAppliers = (approvals: ApprovalsCache) =>
  ({
    'approval.assigned': (event) => {
      approvals.upsertPending(event.task);
      return 'approvals';
    },
    'approval.closed': (event) => {
      approvals.removePending(event.taskId);
      approvals.upsertDone(event.done);
      return 'approvals';
    },
    'approval.request': (event) => {
      approvals.upsertMine(event.request);
      return 'approvals';
    },
    'approval.outOfOffice': (event) => {
      approvals.setOutOfOffice(event.outOfOffice);
      return 'approvals';
    },
    // Nothing to store: core turns these into a refresh or a toast.
    'approval.activity': () => 'approvals',
    'approval.reminder': () => 'approvals',
    'approval.digest': () => 'approvals',
  }) satisfies Appliers<KindsOf<'approval'>>;

import type { Snapshot } from '../../../shared/protocol/methods.ts';
import type { ApprovalStore } from '../approvals/approval-store.ts';
import type { ClockService } from '../attendance/clock-service.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { EventLog } from '../events/event-log.ts';
import type { NoticeStore } from '../notices/notice-store.ts';

export const SNAPSHOT_NOTICE_LIMIT = 500;

/**
 * Everything a client needs after `resync`, read with the log head in one synchronous pass,
 * so the head matches the state exactly (better-sqlite3 runs it without yielding).
 */
export function buildSnapshot(
  deps: {
    log: EventLog;
    directory: DirectoryStore;
    notices: NoticeStore;
    approvals: ApprovalStore;
    clocks: ClockService;
  },
  userId: string,
): Snapshot {
  const me = deps.directory.profile(userId);
  if (!me) throw new DomainError('not_found', 'your account no longer exists');
  return {
    headSeq: deps.log.position(userId).head,
    me,
    notices: deps.notices.recentForUser(userId, SNAPSHOT_NOTICE_LIMIT),
    pendingApprovals: deps.approvals.pendingFor(userId),
    todayClocks: deps.clocks.recent(userId),
  };
}

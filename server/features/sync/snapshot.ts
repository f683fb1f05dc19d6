import type { Snapshot } from '../../../shared/protocol/methods.ts';
import type { OutOfOfficeService } from '../approvals/out-of-office-service.ts';
import type { TaskStore } from '../approvals/task-store.ts';
import type { AttendanceService } from '../attendance/attendance-service.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { EventLog } from '../../delivery/event-log.ts';
import type { NoticeStore } from '../notices/notice-store.ts';
import type { ConversationService } from '../chat/conversation-service.ts';

export const SNAPSHOT_NOTICE_LIMIT = 500;
export const SNAPSHOT_HISTORY_LIMIT = 200;
export const SNAPSHOT_CONVERSATION_LIMIT = 200;

/**
 * Everything a client needs after `resync`, read with the log head in one synchronous pass,
 * so the head matches the state exactly (better-sqlite3 runs it without yielding).
 */
export function buildSnapshot(
  deps: {
    log: EventLog;
    directory: DirectoryStore;
    notices: NoticeStore;
    tasks: TaskStore;
    outOfOffice: OutOfOfficeService;
    attendance: AttendanceService;
    conversations: ConversationService;
  },
  userId: string,
): Snapshot {
  const me = deps.directory.profile(userId);
  if (!me) throw new DomainError('not_found', 'your account no longer exists');
  return {
    headSeq: deps.log.position(userId).head,
    me,
    notices: deps.notices.recentForUser(userId, SNAPSHOT_NOTICE_LIMIT),
    pendingApprovals: deps.tasks.pendingFor(userId),
    myRequests: deps.tasks.requestsBy(userId, SNAPSHOT_HISTORY_LIMIT),
    doneTasks: deps.tasks.doneFor(userId, SNAPSHOT_HISTORY_LIMIT),
    outOfOffice: deps.outOfOffice.view(userId),
    todayClocks: deps.attendance.todaysRecords(userId),
    attendanceToday: deps.attendance.today(userId),
    conversations: deps.conversations.mine(userId, SNAPSHOT_CONVERSATION_LIMIT),
  };
}

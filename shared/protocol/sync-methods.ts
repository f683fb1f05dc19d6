import { z } from 'zod';
import { ApprovalTaskSummary, DoneTaskSummary, OutOfOffice, RequestSummary } from '../domain/approvals/request.ts';
import { ClockRecord, DayReport } from '../domain/attendance/index.ts';
import { MyConversation } from '../domain/chat/index.ts';
import { NoticeSummary } from '../domain/notices/index.ts';
import { UserProfile } from '../domain/user.ts';

/** Everything a new device needs, at one position (`headSeq`) of the person's log. */
export const Snapshot = z.object({
  headSeq: z.number().int().nonnegative(),
  me: UserProfile,
  notices: z.array(NoticeSummary),
  pendingApprovals: z.array(ApprovalTaskSummary),
  myRequests: z.array(RequestSummary),
  doneTasks: z.array(DoneTaskSummary),
  outOfOffice: OutOfOffice.nullable(),
  todayClocks: z.array(ClockRecord),
  attendanceToday: DayReport,
  /** The most recent conversations this user is in (their messages come by history pages). */
  conversations: z.array(MyConversation),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** The first sync's method. */
export const syncMethods = {
  'sync.snapshot': { mutating: false, params: z.object({}), result: Snapshot },
} as const;

import { z } from 'zod';
import { ApprovalTaskSummary } from '../domain/approval.ts';
import { ClockRecord } from '../domain/attendance.ts';
import { EntityId, Instant } from '../domain/ids.ts';
import { NoticeSummary } from '../domain/notice.ts';
import { UserProfile } from '../domain/user.ts';

/**
 * Every request a client may make over the socket. `mutating` methods must carry an actionId:
 * the server stores the first answer with the effect and returns it for any repeat.
 */
export const Snapshot = z.object({
  headSeq: z.number().int().nonnegative(),
  me: UserProfile,
  notices: z.array(NoticeSummary),
  pendingApprovals: z.array(ApprovalTaskSummary),
  todayClocks: z.array(ClockRecord),
});
export type Snapshot = z.infer<typeof Snapshot>;

const ClockParams = z.object({ clientTime: Instant, offline: z.boolean() });

export const methods = {
  'sync.snapshot': { mutating: false, params: z.object({}), result: Snapshot },
  'notices.markRead': {
    mutating: true,
    params: z.object({ noticeId: EntityId }),
    result: z.object({ noticeId: EntityId, readAt: Instant }),
  },
  'attendance.clockIn': {
    mutating: true,
    params: ClockParams,
    result: ClockRecord,
  },
  'attendance.clockOut': {
    mutating: true,
    params: ClockParams,
    result: ClockRecord,
  },
} as const;

export type MethodName = keyof typeof methods;
export type MethodParams<M extends MethodName> = z.infer<(typeof methods)[M]['params']>;
export type MethodResult<M extends MethodName> = z.infer<(typeof methods)[M]['result']>;
export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

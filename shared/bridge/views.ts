import { z } from 'zod';
import { ApprovalTaskSummary } from '../domain/approval.ts';
import { ClockRecord } from '../domain/attendance.ts';
import { Instant } from '../domain/ids.ts';
import { NoticeSummary } from '../domain/notice.ts';
import { UserProfile } from '../domain/user.ts';
import { accountRefusals } from '../protocol/http-api.ts';

/** What the renderer is shown. Core owns the truth; these are read-only views of it. */
export const Language = z.enum(['en', 'zh-CN', 'he']);
export type Language = z.infer<typeof Language>;

/** The server's account refusals plus what only the client can see (no route, wrong address, versions). */
export const SignInErrorView = z.discriminatedUnion('code', [
  ...accountRefusals,
  z.object({ code: z.literal('server_unreachable'), url: z.string() }),
  z.object({ code: z.literal('invalid_server_url'), url: z.string() }),
  z.object({ code: z.literal('server_too_old'), serverVersion: z.string(), url: z.string() }),
  z.object({ code: z.literal('client_too_old'), serverVersion: z.string(), url: z.string() }),
  z.object({ code: z.literal('server_error'), url: z.string(), status: z.number().int() }),
  z.object({ code: z.literal('session_expired') }),
]);
export type SignInErrorView = z.infer<typeof SignInErrorView>;

export const SessionView = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('signedOut'),
    serverUrl: z.string(),
    lastError: SignInErrorView.nullable(),
  }),
  z.object({
    status: z.literal('signedIn'),
    serverUrl: z.string(),
    user: UserProfile,
  }),
]);
export type SessionView = z.infer<typeof SessionView>;

export const ConnectionView = z.object({
  state: z.enum(['offline', 'connecting', 'syncing', 'online']),
  nextRetryAt: Instant.nullable(),
  queuedActions: z.number().int().nonnegative(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

export const HomeView = z.object({
  pendingApprovals: z.number().int().nonnegative(),
  unreadNotices: z.number().int().nonnegative(),
  unacknowledgedRequired: z.number().int().nonnegative(),
  lastClock: ClockRecord.nullable(),
  queuedClock: z.object({ kind: z.enum(['in', 'out']), clientTime: Instant }).nullable(),
});
export type HomeView = z.infer<typeof HomeView>;

export const ActionOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done') }),
  z.object({ status: z.literal('queued') }),
  z.object({
    status: z.literal('failed'),
    code: z.string(),
    message: z.string(),
  }),
]);
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const AppInfo = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'browser-host']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export { ApprovalTaskSummary, NoticeSummary };

import { z } from 'zod';
import {
  ApprovalTaskSummary,
  DoneTaskSummary,
  OutOfOffice,
  RequestDetail,
  RequestStatus,
  RequestSummary,
} from '../domain/approvals/request.ts';
import { ApprovalTemplate, LocalizedText } from '../domain/approvals/template.ts';
import { EntityId } from '../domain/ids.ts';
import { WireError } from '../protocol/errors.ts';
import { DirectoryPerson } from '../protocol/methods.ts';
import { ClockOutcome, ClockRecord, DayReport, MonthReport } from '../domain/attendance/index.ts';
import { Instant } from '../domain/ids.ts';
import { NoticeSummary } from '../domain/notices/index.ts';
import { CatalogEntry } from '../domain/launcher/index.ts';
import { UserProfile } from '../domain/user.ts';
import { accountRefusals } from '../protocol/http-api.ts';

/** What the renderer is shown. Core owns the truth; these are read-only views of it. */
export const Language = z.enum(['en', 'zh-CN', 'zh-TW', 'he', 'ru', 'nb']);
export type Language = z.infer<typeof Language>;

/** The server's account refusals plus what only the client can see (no route, wrong address, versions). */
export const SignInErrorView = z.discriminatedUnion('code', [
  z.object({ code: z.literal('server_locked'), url: z.string() }),
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
    /** IT fixed the server by policy: the sign-in screen shows it read-only. */
    serverLocked: z.boolean(),
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

/** The steps of the connection self-test, in the order a connection takes them. */
export const ConnectionStep = z.enum(['address', 'dns', 'proxy', 'tcp', 'tls', 'http', 'websocket']);
export type ConnectionStep = z.infer<typeof ConnectionStep>;

/** What the sign-in screen's "Test connection" found, step by step; the first failed step is the answer. */
export const ConnectionCheckView = z.object({
  serverUrl: z.string().max(2048),
  steps: z
    .array(
      z.object({
        step: ConnectionStep,
        ok: z.boolean(),
        ms: z.number().nonnegative(),
        /** Where this step went: the server's or the proxy's host:port. */
        target: z.string().max(300).optional(),
        /** Why it failed: a system error code (ENOTFOUND, ECONNREFUSED, a TLS verify code), 'timeout', 'status' or 'not_portico'. */
        reason: z.string().max(100).optional(),
        status: z.number().int().optional(),
        /** The TLS certificate's issuer, so IT can tell its own CA from an inspection box's. */
        issuer: z.string().max(300).optional(),
      }),
    )
    .max(7),
  failedStep: ConnectionStep.nullable(),
});
export type ConnectionCheckView = z.infer<typeof ConnectionCheckView>;

export const HomeView = z.object({
  pendingApprovals: z.number().int().nonnegative(),
  unreadNotices: z.number().int().nonnegative(),
  unacknowledgedRequired: z.number().int().nonnegative(),
  lastClock: ClockRecord.nullable(),
  queuedClock: z.object({ kind: z.enum(['in', 'out']), clientTime: Instant }).nullable(),
  /** Today as the server judged it at the last sync (on time, late, on leave…). */
  today: DayReport.nullable(),
  /** Urgent notices not yet acknowledged: the tray turns red and the app shows a banner. */
  urgentNotices: z.array(z.object({ id: EntityId, title: z.string().max(200) })),
  doNotDisturbUntil: Instant.nullable(),
  /** Unread chat messages in conversations that are not muted, and conversations where someone mentioned this user. */
  unreadChats: z.number().int().nonnegative(),
  chatMentions: z.number().int().nonnegative(),
});
export type HomeView = z.infer<typeof HomeView>;

export const ActionOutcome = z.discriminatedUnion('status', [
  /** The server took it; `requestId` names what a submit created. */
  z.object({
    status: z.literal('done'),
    requestId: EntityId.optional(),
    noticeId: EntityId.optional(),
    conversationId: EntityId.optional(),
    clock: ClockOutcome.optional(),
  }),
  z.object({ status: z.literal('queued') }),
  z.object({
    status: z.literal('failed'),
    code: z.string(),
    message: z.string(),
    details: WireError.shape.details,
    issues: WireError.shape.issues,
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

export const ApprovalsInboxView = z.object({
  pending: z.array(ApprovalTaskSummary),
  mine: z.array(RequestSummary),
  done: z.array(DoneTaskSummary),
  outOfOffice: OutOfOffice.nullable(),
});
export type ApprovalsInboxView = z.infer<typeof ApprovalsInboxView>;

/** A request's detail: fresh from the server when online, else the copy kept from the last visit. */
export const ApprovalDetailView = z.discriminatedUnion('status', [
  z.object({ status: z.literal('fresh'), detail: RequestDetail }),
  z.object({ status: z.literal('cached'), detail: RequestDetail, fetchedAt: Instant }),
  z.object({ status: z.literal('unavailable'), code: z.string() }),
]);
export type ApprovalDetailView = z.infer<typeof ApprovalDetailView>;

/**
 * Something worth a desktop notification, already coalesced ("4 new approvals") and in the user's
 * language; the shell shows it (Electron Notification, or the Web Notifications API).
 */
export const ToastView = z.object({
  id: z.string().max(100),
  kind: z.enum([
    'approval.assigned',
    'approval.reminder',
    'approval.digest',
    'approval.decided',
    'attendance.clockIn',
    'attendance.clockOut',
    'notice.new',
    'notice.urgent',
    'notice.reminded',
    'brief',
    'chat.message',
    'kudos',
  ]),
  /** Urgent: shown even in do-not-disturb, and as an urgent OS notification. */
  urgent: z.boolean().optional(),
  title: z.string().max(300),
  body: z.string().max(1000),
  /** Where a click goes, as an app route (`approvals/r_…`). */
  route: z.string().max(200),
  /** Set when the toast is about exactly one task that can be approved from the toast. */
  taskId: EntityId.nullable(),
  actions: z.array(z.object({ id: z.enum(['approve', 'open', 'clockIn', 'clockOut']), label: z.string().max(60) })).max(2),
});
export type ToastView = z.infer<typeof ToastView>;

export { ApprovalTemplate, ClockOutcome, DirectoryPerson, LocalizedText, MonthReport, RequestStatus };

/** A tool as the launcher shows it: whether it can start on this PC (IT's allow-list, the platform). */
export const LauncherEntryView = CatalogEntry.extend({
  availability: z.enum(['ready', 'not_allowed', 'other_platform']),
});
export type LauncherEntryView = z.infer<typeof LauncherEntryView>;

/**
 * What came of a launch. `open`: the browser host cannot open windows itself, so the page opens
 * this URL (a one-time loopback hand-off). `failed` carries a code the UI translates, with the path
 * or reason in `details`.
 */
export const LaunchOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened') }),
  z.object({ status: z.literal('open'), url: z.string().max(8192) }),
  z.object({
    status: z.literal('failed'),
    code: z.string().max(64),
    message: z.string().max(2000),
    details: z.record(z.string(), z.string().max(2048)).optional(),
  }),
]);
export type LaunchOutcome = z.infer<typeof LaunchOutcome>;

export const PaletteRecentView = z.array(z.object({ id: z.string().max(200), at: z.number().int() })).max(20);

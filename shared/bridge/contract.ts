import { z } from 'zod';
import { EntityId } from '../domain/ids.ts';
import { ClockNote, IsoMonth, MonthReport } from '../domain/attendance/index.ts';
import { FormValues } from '../domain/approvals/form.ts';
import { AttachmentRef, Decision } from '../domain/approvals/request.ts';
import {
  ActionOutcome,
  AppInfo,
  ApprovalDetailView,
  ApprovalTemplate,
  ApprovalsInboxView,
  DirectoryPerson,
  ToastView,
  ConnectionView,
  HomeView,
  Language,
  NoticeSummary,
  SessionView,
  SignInErrorView,
} from './views.ts';

/**
 * The whole preload bridge: every call the renderer may make and every event it may receive.
 * Electron's preload and the browser host implement exactly this; nothing else crosses.
 */
const none = z.object({}).strict();
const AttachmentIds = z.array(EntityId).max(10).default([]);

/** 10 MiB of file as base64, the server's attachment limit. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_UPLOAD_BASE64 = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4;

const UploadOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), attachment: AttachmentRef }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);

export const bridgeCalls = {
  'app.info': { params: none, result: AppInfo },
  'session.get': { params: none, result: SessionView },
  'session.signIn': {
    params: z.object({
      serverUrl: z.string().trim().min(1).max(2048),
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
    }),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), error: SignInErrorView }),
    ]),
  },
  'session.signOut': {
    params: none,
    result: z.object({ ok: z.literal(true) }),
  },
  'connection.get': { params: none, result: ConnectionView },
  'home.get': { params: none, result: HomeView },
  'notices.list': { params: none, result: z.array(NoticeSummary) },
  'notices.markRead': {
    params: z.object({ noticeId: EntityId }),
    result: ActionOutcome,
  },
  'approvals.inbox': { params: none, result: ApprovalsInboxView },
  'approvals.templates': { params: none, result: z.array(ApprovalTemplate) },
  'approvals.detail': { params: z.object({ requestId: EntityId }).strict(), result: ApprovalDetailView },
  'approvals.submit': {
    params: z.object({ templateKey: z.string().max(32), values: FormValues, attachmentIds: AttachmentIds }).strict(),
    result: ActionOutcome,
  },
  /** Uploads a file now (online only) and returns its reference for a submit or a comment. */
  'approvals.upload': {
    params: z.object({ name: z.string().min(1).max(255), base64: z.string().max(MAX_UPLOAD_BASE64) }).strict(),
    result: UploadOutcome,
  },
  'approvals.download': {
    params: z.object({ attachmentId: EntityId }).strict(),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), name: z.string(), mediaType: z.string(), base64: z.string() }),
      z.object({ ok: z.literal(false), code: z.string() }),
    ]),
  },
  'approvals.decide': {
    params: z.object({ taskId: EntityId, decision: Decision, comment: z.string().max(2000) }).strict(),
    result: ActionOutcome,
  },
  'approvals.withdraw': { params: z.object({ requestId: EntityId }).strict(), result: ActionOutcome },
  'approvals.comment': {
    params: z.object({ requestId: EntityId, text: z.string().trim().min(1).max(2000), attachmentIds: AttachmentIds }).strict(),
    result: ActionOutcome,
  },
  'approvals.setOutOfOffice': {
    params: z
      .object({ from: z.number().int(), until: z.number().int(), proxyId: EntityId, note: z.string().max(200).nullable() })
      .strict(),
    result: ActionOutcome,
  },
  'approvals.clearOutOfOffice': { params: none, result: ActionOutcome },
  'directory.people': { params: none, result: z.array(DirectoryPerson) },
  'attendance.clock': {
    /** `note`: where a remote or field worker is, when the rule asks for one. */
    params: z.object({ kind: z.enum(['in', 'out']), note: ClockNote.optional() }).strict(),
    result: ActionOutcome,
  },
  /** Clocks whichever comes next (in, then out) and says the result in a toast: the shortcut and the tray use it. */
  'attendance.clockNext': { params: none, result: ActionOutcome },
  /** A month's calendar as the server judges it; offline, the copy fetched last (or null). */
  'attendance.month': { params: z.object({ month: IsoMonth }).strict(), result: MonthReport.nullable() },
  'settings.get': {
    params: none,
    result: z.object({
      language: Language.nullable(),
      /** The language IT set as the default, used until the user picks one. */
      policyLanguage: Language.nullable(),
      /** Settings IT locked by policy; the UI shows them read-only. */
      locked: z.array(z.string().max(64)),
      chatEnabled: z.boolean(),
    }),
  },
  'settings.setLanguage': {
    params: z.object({ language: Language }),
    result: z.object({ ok: z.literal(true) }),
  },
} as const;

export const bridgeEvents = {
  'session.changed': SessionView,
  'connection.changed': ConnectionView,
  'home.changed': HomeView,
  /** A feature's data changed in core; views of it should be fetched again. */
  /** Show this screen (`approvals/r_…`): a toast, the tray or a deep link asked for it. */
  navigate: z.object({ route: z.string().max(200) }),
  /** A desktop notification to show. */
  toast: ToastView,
  'data.changed': z.object({
    features: z.array(z.enum(['notices', 'approvals', 'attendance'])),
  }),
} as const;

export type BridgeCallName = keyof typeof bridgeCalls;
export type BridgeParams<C extends BridgeCallName> = z.input<(typeof bridgeCalls)[C]['params']>;
export type BridgeResult<C extends BridgeCallName> = z.infer<(typeof bridgeCalls)[C]['result']>;
export type BridgeEventName = keyof typeof bridgeEvents;
export type BridgeEventPayload<E extends BridgeEventName> = z.infer<(typeof bridgeEvents)[E]>;

export const bridgeCallNames = Object.keys(bridgeCalls) as BridgeCallName[];
export const bridgeEventNames = Object.keys(bridgeEvents) as BridgeEventName[];

export function isBridgeCallName(name: unknown): name is BridgeCallName {
  return typeof name === 'string' && Object.hasOwn(bridgeCalls, name);
}
export function isBridgeEventName(name: unknown): name is BridgeEventName {
  return typeof name === 'string' && Object.hasOwn(bridgeEvents, name);
}

/** What `window.portico` is, in Electron and in the browser host alike. */
export interface PorticoBridge {
  call<C extends BridgeCallName>(method: C, params: BridgeParams<C>): Promise<BridgeResult<C>>;
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEventPayload<E>) => void): () => void;
}

/** The side that serves the bridge (core), independent of the transport. */
export type BridgeHandlers = {
  [C in BridgeCallName]: (params: z.infer<(typeof bridgeCalls)[C]['params']>) => Promise<BridgeResult<C>>;
};

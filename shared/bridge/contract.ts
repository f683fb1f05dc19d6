import { z } from 'zod';
import { searchQuery } from '../domain/safe-text.ts';
import { EntityId } from '../domain/ids.ts';
import { ClockNote, IsoMonth, MonthReport } from '../domain/attendance/index.ts';
import { FormValues } from '../domain/approvals/form.ts';
import { RequestPreview } from '../domain/approvals/preview.ts';
import { AttachmentRef, Decision } from '../domain/approvals/request.ts';
import { BRIEF_ITEM_MAX, DailyBrief } from '../domain/brief.ts';
import { Kudos, KudosCounts, KudosMessage } from '../domain/kudos.ts';
import { NoticeDraft, NoticeEdit, NoticeReachView, PublishedNotice } from '../domain/notices/index.ts';
import { DepartmentOption } from '../protocol/methods.ts';
import { LaunchSource } from '../domain/launcher/index.ts';
import { chatBridgeCalls, chatBridgeEvents } from './chat-calls.ts';
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
  LaunchOutcome,
  LauncherEntryView,
  PaletteRecentView,
  NoticeSummary,
  SessionView,
  SignInErrorView,
  ConnectionCheckView,
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

const NoticeRef = z.object({ noticeId: EntityId }).strict();
const UploadParams = z.object({ name: z.string().min(1).max(255), base64: z.string().max(MAX_UPLOAD_BASE64) }).strict();
const DownloadOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), name: z.string(), mediaType: z.string(), base64: z.string() }),
  z.object({ ok: z.literal(false), code: z.string() }),
]);

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
  /** The sign-in screen's self-test: which step of reaching the server fails, and why. */
  'session.testConnection': {
    params: z.object({ serverUrl: z.string().trim().min(1).max(2048) }),
    result: ConnectionCheckView,
  },
  /** Version, policy sources, connection state and the last log lines, for the help desk. */
  'app.diagnostics': { params: none, result: z.object({ text: z.string().max(1_000_000) }) },
  'session.signOut': {
    params: none,
    result: z.object({ ok: z.literal(true) }),
  },
  'connection.get': { params: none, result: ConnectionView },
  /** "Retry now", or the page saw the network change (online, offline) or came back into view. */
  'connection.nudge': {
    params: z.object({ reason: z.enum(['retry', 'online', 'offline', 'visible']) }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  'home.get': { params: none, result: HomeView },
  /** Onboarding (unread) first, then pinned, unread, newest; `query` searches titles and bodies. */
  'notices.list': {
    params: z
      .object({ filter: z.enum(['all', 'unread', 'required']).default('all'), query: searchQuery(200).default('') })
      .strict(),
    result: z.array(NoticeSummary),
  },
  'notices.get': { params: NoticeRef, result: NoticeSummary.nullable() },
  'notices.markRead': {
    params: NoticeRef,
    result: ActionOutcome,
  },
  'notices.acknowledge': { params: NoticeRef, result: ActionOutcome },
  'notices.download': { params: z.object({ attachmentId: EntityId }).strict(), result: DownloadOutcome },
  /** What the publish form offers: departments with head counts, people, and whether this user may publish. */
  'notices.composeOptions': {
    params: none,
    result: z.object({
      canPublish: z.boolean(),
      departments: z.array(DepartmentOption),
      people: z.array(DirectoryPerson),
    }),
  },
  'notices.publish': { params: NoticeDraft, result: ActionOutcome },
  'notices.edit': { params: NoticeEdit, result: ActionOutcome },
  'notices.withdraw': { params: NoticeRef, result: ActionOutcome },
  'notices.remind': { params: NoticeRef, result: ActionOutcome },
  /** The notices this user manages, each with its reach; null offline with nothing kept. */
  'notices.published': { params: none, result: z.array(PublishedNotice).nullable() },
  /** Live numbers: the last pushed by the server, or fetched now. */
  /** Headline, department meters and stragglers from one server read; the copy kept last time while offline. */
  'notices.reach': { params: NoticeRef, result: NoticeReachView.nullable() },
  'notices.exportCsv': {
    params: NoticeRef,
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), fileName: z.string(), csv: z.string() }),
      z.object({ ok: z.literal(false), code: z.string() }),
    ]),
  },
  /** Today's brief (fetched at the day's first activity); null before that or after it was dismissed. */
  'brief.get': { params: none, result: DailyBrief.nullable() },
  'brief.dismiss': { params: none, result: z.object({ ok: z.literal(true) }) },
  'brief.addItem': { params: z.object({ text: z.string().trim().min(1).max(BRIEF_ITEM_MAX) }).strict(), result: ActionOutcome },
  'brief.removeItem': { params: z.object({ itemId: EntityId }).strict(), result: ActionOutcome },
  'approvals.inbox': { params: none, result: ApprovalsInboxView },
  'approvals.templates': { params: none, result: z.array(ApprovalTemplate) },
  'approvals.detail': { params: z.object({ requestId: EntityId }).strict(), result: ApprovalDetailView },
  'approvals.submit': {
    params: z.object({ templateKey: z.string().max(32), values: FormValues, attachmentIds: AttachmentIds }).strict(),
    result: ActionOutcome,
  },
  /** The server's reading of a form before it is sent (a leave's working days, the approvers); null while offline. */
  'approvals.preview': {
    params: z.object({ templateKey: z.string().max(32), values: FormValues }).strict(),
    result: RequestPreview.nullable(),
  },
  /** Uploads a file now (online only) and returns its reference for a submit or a comment. */
  'approvals.upload': { params: UploadParams, result: UploadOutcome },
  'approvals.download': { params: z.object({ attachmentId: EntityId }).strict(), result: DownloadOutcome },
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
  /** The tools this user may launch; null offline with nothing kept. */
  'launcher.catalog': { params: none, result: z.array(LauncherEntryView).nullable() },
  'launcher.launch': { params: z.object({ toolId: EntityId, source: LaunchSource }).strict(), result: LaunchOutcome },
  'launcher.setFavorite': { params: z.object({ toolId: EntityId, favorite: z.boolean() }).strict(), result: ActionOutcome },
  /** The command palette's recent picks (`tool:…`, `person:…`, `action:…`), newest first. */
  'palette.recent': { params: none, result: PaletteRecentView },
  'palette.remember': {
    params: z.object({ id: z.string().min(1).max(200) }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  'settings.get': {
    params: none,
    result: z.object({
      language: Language.nullable(),
      /** The language IT set as the default, used until the user picks one. */
      policyLanguage: Language.nullable(),
      /** Settings IT locked by policy; the UI shows them read-only. */
      locked: z.array(z.string().max(64)),
      /** IT fixed the language (then `language` is IT's): the switch is read-only. */
      languageLocked: z.boolean(),
      chatEnabled: z.boolean(),
      /** Until when toasts are held (urgent notices still come through); null when off. */
      doNotDisturbUntil: z.number().int().nullable(),
    }),
  },
  'settings.setDoNotDisturb': {
    params: z.object({ until: z.number().int().nullable() }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  'settings.setLanguage': {
    params: z.object({ language: Language }),
    result: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), code: z.literal('locked') })]),
  },
  /** Thank a colleague (through the outbox: sent once, also after a disconnect). */
  'kudos.give': { params: z.object({ toUserId: EntityId, message: KudosMessage }).strict(), result: ActionOutcome },
  /** Thanks received per person in the last 30 days; the copy kept last time while offline. */
  'kudos.counts': { params: none, result: KudosCounts.nullable() },
  /** A colleague's newest thanks; null while offline. */
  'kudos.recent': { params: z.object({ userId: EntityId }).strict(), result: z.array(Kudos).nullable() },
  ...chatBridgeCalls,
} as const;

export const bridgeEvents = {
  'session.changed': SessionView,
  'connection.changed': ConnectionView,
  'home.changed': HomeView,
  /** A feature's data changed in core; views of it should be fetched again. */
  /** Show this screen (`approvals/r_…`): a toast, the tray or a deep link asked for it. */
  navigate: z.object({ route: z.string().max(200) }),
  /** Open the command palette (the global shortcut or the tray asked for it). */
  'palette.open': z.object({}),
  /** A desktop notification to show. */
  toast: ToastView,
  'data.changed': z.object({
    features: z.array(
      z.enum(['notices', 'noticeStats', 'approvals', 'attendance', 'brief', 'settings', 'launcher', 'chat', 'presence', 'kudos']),
    ),
  }),
  ...chatBridgeEvents,
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

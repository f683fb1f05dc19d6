import { z } from 'zod';
import { FormValues } from '../domain/approvals/form.ts';
import {
  ApprovalTaskSummary,
  Decision,
  DoneTaskSummary,
  OutOfOffice,
  RequestDetail,
  RequestStatus,
  RequestSummary,
} from '../domain/approvals/request.ts';
import { RequestPreview } from '../domain/approvals/preview.ts';
import { ApprovalTemplate, TemplateKey } from '../domain/approvals/template.ts';
import { ClockNote, ClockOutcome, ClockRecord, DayReport, IsoMonth, MonthReport } from '../domain/attendance/index.ts';
import { EntityId, Instant } from '../domain/ids.ts';
import { ContentLanguage } from '../domain/localized-text.ts';
import { DailyBrief, BriefItem, BRIEF_ITEM_MAX } from '../domain/brief.ts';
import {
  NoticeDraft,
  NoticeEdit,
  NoticeReachView,
  NoticeStats,
  NoticeSummary,
  PublishedNotice,
  PublishOutcome,
  Straggler,
} from '../domain/notices/index.ts';
import { CatalogEntry, LaunchSource } from '../domain/launcher/index.ts';
import { UserProfile } from '../domain/user.ts';
import { MyConversation } from '../domain/chat/index.ts';
import { chatMethods } from './chat-methods.ts';
import { presenceMethods } from './presence-methods.ts';

/**
 * Every request a client may make over the socket. `mutating` methods must carry an actionId:
 * the server stores the first answer with the effect and returns it for any repeat.
 */
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

const ClockParams = z.object({ clientTime: Instant, offline: z.boolean(), note: ClockNote.optional() });
const AttachmentIds = z.array(EntityId).max(10).default([]);
const RequestOutcome = z.object({ requestId: EntityId, status: RequestStatus });

export const DirectoryPerson = z.object({
  id: EntityId,
  name: z.string().max(128),
  departmentName: z.string().max(128).nullable(),
  /** Pinyin of a Chinese name, whole ("zhangwei") and initials ("zw"), for search; empty otherwise. */
  pinyin: z.string().max(256).default(''),
  initials: z.string().max(64).default(''),
});
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

export const DepartmentOption = z.object({
  id: EntityId,
  name: z.string().max(128),
  members: z.number().int().nonnegative(),
});
export type DepartmentOption = z.infer<typeof DepartmentOption>;

const NoticeRef = z.object({ noticeId: EntityId });

export const methods = {
  'sync.snapshot': { mutating: false, params: z.object({}), result: Snapshot },
  'notices.markRead': {
    mutating: true,
    params: z.object({ noticeId: EntityId }),
    result: z.object({ noticeId: EntityId, readAt: Instant }),
  },
  /** Records "I have read and understood" once, with the server's time; a repeat returns the first answer. */
  'notices.acknowledge': {
    mutating: true,
    params: NoticeRef,
    result: z.object({ noticeId: EntityId, readAt: Instant, ackedAt: Instant }),
  },
  'notices.publish': { mutating: true, params: NoticeDraft, result: PublishOutcome },
  'notices.edit': { mutating: true, params: NoticeEdit, result: z.object({ noticeId: EntityId }) },
  'notices.withdraw': { mutating: true, params: NoticeRef, result: z.object({ noticeId: EntityId }) },
  /** Reminds only those who have not read it (or, when required, not acknowledged it). */
  'notices.remind': { mutating: true, params: NoticeRef, result: z.object({ noticeId: EntityId, reminded: z.number().int() }) },
  'notices.published': { mutating: false, params: z.object({}), result: z.array(PublishedNotice) },
  'notices.stats': { mutating: false, params: NoticeRef, result: NoticeStats },
  'notices.stragglers': { mutating: false, params: NoticeRef, result: z.array(Straggler) },
  /** The publisher's page: headline, department meters and stragglers from one read of the recipients. */
  'notices.reach': {
    mutating: false,
    params: NoticeRef,
    result: NoticeReachView,
  },
  'notices.exportCsv': {
    mutating: false,
    params: NoticeRef.extend({ language: ContentLanguage.default('en') }),
    result: z.object({ fileName: z.string().max(255), csv: z.string() }),
  },
  'directory.departments': { mutating: false, params: z.object({}), result: z.array(DepartmentOption) },
  'brief.today': { mutating: false, params: z.object({}), result: DailyBrief },
  'brief.addItem': {
    mutating: true,
    params: z.object({ text: z.string().trim().min(1).max(BRIEF_ITEM_MAX) }),
    result: BriefItem,
  },
  'brief.removeItem': { mutating: true, params: z.object({ itemId: EntityId }), result: z.object({ itemId: EntityId }) },
  /** The tools this user may launch, with their favourites and how often they used each. */
  'launcher.catalog': { mutating: false, params: z.object({}), result: z.array(CatalogEntry) },
  'launcher.setFavorite': {
    mutating: true,
    params: z.object({ toolId: EntityId, favorite: z.boolean() }),
    result: z.object({ toolIds: z.array(EntityId) }),
  },
  /** A launch, for recents and the adoption view; queued offline and recorded once, dated when it happened. */
  'launcher.used': {
    mutating: true,
    params: z.object({ toolId: EntityId, at: Instant, source: LaunchSource }),
    result: z.object({ toolId: EntityId }),
  },
  'approvals.templates': { mutating: false, params: z.object({}), result: z.array(ApprovalTemplate) },
  'approvals.detail': { mutating: false, params: z.object({ requestId: EntityId }), result: RequestDetail },
  /** What a submit of this form would store (a leave's working days) and whom it would ask; writes nothing. */
  'approvals.preview': {
    mutating: false,
    params: z.object({ templateKey: TemplateKey, values: FormValues }),
    result: RequestPreview,
  },
  'approvals.submit': {
    mutating: true,
    params: z.object({ templateKey: TemplateKey, values: FormValues, attachmentIds: AttachmentIds }),
    result: RequestOutcome,
  },
  'approvals.decide': {
    mutating: true,
    params: z.object({ taskId: EntityId, decision: Decision, comment: z.string().max(2000).default('') }),
    result: RequestOutcome,
  },
  'approvals.withdraw': { mutating: true, params: z.object({ requestId: EntityId }), result: RequestOutcome },
  'approvals.comment': {
    mutating: true,
    params: z.object({ requestId: EntityId, text: z.string().max(2000), attachmentIds: AttachmentIds }),
    result: z.object({ requestId: EntityId }),
  },
  'approvals.setOutOfOffice': {
    mutating: true,
    params: z.object({ from: Instant, until: Instant, proxyId: EntityId, note: z.string().trim().max(200).nullable() }),
    result: OutOfOffice,
  },
  'approvals.clearOutOfOffice': { mutating: true, params: z.object({}), result: z.object({ cleared: z.boolean() }) },
  'directory.people': { mutating: false, params: z.object({}), result: z.array(DirectoryPerson) },
  'attendance.clockIn': { mutating: true, params: ClockParams, result: ClockOutcome },
  'attendance.clockOut': { mutating: true, params: ClockParams, result: ClockOutcome },
  'attendance.month': { mutating: false, params: z.object({ month: IsoMonth }), result: MonthReport },
  ...chatMethods,
  ...presenceMethods,
} as const;

export type MethodName = keyof typeof methods;
export type MethodParams<M extends MethodName> = z.infer<(typeof methods)[M]['params']>;
export type MethodResult<M extends MethodName> = z.infer<(typeof methods)[M]['result']>;
export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

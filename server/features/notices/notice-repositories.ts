import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { Audience, type NoticeContent, type NoticeStatus, type NoticeSummary } from '../../../shared/domain/notices/index.ts';

/**
 * Where notices live, as the feature sees them: async, so an implementation on a networked
 * database (issue 23) fits the same services. SQLite's are `notice-store.ts`, `notice-reach-store.ts`
 * and `onboarding-store.ts`; every implementation passes `notice-repositories.contract.ts`.
 */

/** A notice as stored (column names as the database spells them). */
export interface NoticeRow {
  id: string;
  title: string;
  body: string;
  priority: NoticeContent['priority'];
  requires_ack: number;
  renotify_minutes: number | null;
  pinned: number;
  published_at: number;
  edited_at: number | null;
  expires_at: number | null;
  publisher_id: string;
  publisher_name: string;
  attachments: string;
  audience: string;
  status: NoticeStatus;
  publish_at: number | null;
  withdrawn_at: number | null;
  created_at: number;
  version: number;
}

export const toContent = (row: NoticeRow): NoticeContent => ({
  id: row.id,
  title: row.title,
  body: row.body,
  priority: row.priority,
  requiresAck: row.requires_ack === 1,
  renotifyMinutes: row.renotify_minutes,
  pinned: row.pinned === 1,
  publishedAt: row.published_at,
  editedAt: row.edited_at,
  expiresAt: row.expires_at,
  publisherId: row.publisher_id,
  publisherName: row.publisher_name,
  attachments: JSON.parse(row.attachments) as AttachmentRef[],
});

export interface NewNotice {
  id: string;
  title: string;
  body: string;
  priority: NoticeContent['priority'];
  requiresAck: boolean;
  renotifyMinutes: number | null;
  pinned: boolean;
  audience: Audience;
  status: NoticeStatus;
  publisherId: string;
  createdAt: number;
  publishAt: number | null;
  expiresAt: number | null;
  /** For a scheduled notice, the time it is due; it is set again when it goes live. */
  publishedAt: number;
}

/** One notice as it reached one person: when they read and acknowledged it, how often they were reminded. */
export interface NoticeReceipt {
  noticeId: string;
  title: string;
  status: string;
  publishedAt: number | null;
  readAt: number | null;
  acknowledgedAt: number | null;
  reminders: number;
}

/** The audience a stored notice was published to. */
export const audienceOf = (row: NoticeRow): Audience => Audience.parse(JSON.parse(row.audience));

/** A new version of a notice's content (its audience and publisher stay). */
export type NoticeEditChange = Pick<
  NewNotice,
  'title' | 'body' | 'priority' | 'requiresAck' | 'renotifyMinutes' | 'pinned' | 'expiresAt'
> & { noticeId: string; editedAt: number | null };

/** Notices and their recipients; audiences resolve in the database. */
export interface NoticeRepository {
  insert(notice: NewNotice): Promise<void>;
  get(noticeId: string): Promise<NoticeRow | null>;
  /** Adds everyone the audience matches now (active people only); returns how many recipients the notice has. */
  resolveRecipients(noticeId: string, audience: Audience): Promise<number>;
  audienceIncludes(audience: Audience, userId: string): Promise<boolean>;
  /** True when the user was not a recipient yet (and is active). */
  addRecipient(noticeId: string, userId: string, onboarding: boolean): Promise<boolean>;
  /** The notice as this recipient has it; null unless it is live and was delivered to them. */
  forRecipient(noticeId: string, userId: string): Promise<NoticeSummary | null>;
  /** What one person was sent, read and acknowledged, withdrawn notices included (their copy of their data). */
  receiptsOf(userId: string): Promise<NoticeReceipt[]>;
  /** The live notices delivered to this user, newest first (the snapshot). */
  recentForUser(userId: string, limit: number): Promise<NoticeSummary[]>;
  /** False when it was read already (the first reading stands). */
  markRead(noticeId: string, userId: string, at: number): Promise<boolean>;
  /** Reads it too when unread; false when it was acknowledged already. */
  acknowledge(noticeId: string, userId: string, at: number): Promise<boolean>;
  /** Recipients still owed an event about this notice's current version, by user id. */
  owed(noticeId: string, version: number, limit: number): Promise<{ userId: string; version: number }[]>;
  /** Those of `userIds` who get this notice as part of their onboarding. */
  onboardingAmong(noticeId: string, userIds: readonly string[]): Promise<string[]>;
  /** The recipient has the event for `version`; the first delivery's `seq` is kept. */
  markDelivered(noticeId: string, userId: string, version: number, seq: number | null): Promise<void>;
  setFanoutPending(noticeId: string, pending: boolean): Promise<void>;
  /** Notices whose delivery is not finished (after a crash, say). */
  fanoutPending(): Promise<string[]>;
  /** Scheduled notices due at `now`, earliest first. */
  dueScheduled(now: number): Promise<string[]>;
  /** A scheduled notice goes live at `now`; false when it is not scheduled (any more). */
  goLive(noticeId: string, now: number): Promise<boolean>;
  /** A new version; a live notice owes its recipients an update. */
  edit(change: NoticeEditChange): Promise<void>;
  /** A new version that owes every recipient a withdrawal. */
  withdraw(noticeId: string, now: number): Promise<void>;
  setAttachments(noticeId: string, attachments: readonly AttachmentRef[]): Promise<void>;
  /** Delivered recipients who have not read it (or, when required, not acknowledged it). */
  unfinished(noticeId: string): Promise<string[]>;
  recordReminder(noticeId: string, userId: string, at: number): Promise<void>;
  lastReminded(noticeId: string): Promise<number | null>;
  /** Live notices not expired at `now`, oldest first. */
  liveNotices(now: number): Promise<NoticeRow[]>;
  /** Newest first; `publisherId` null lists everyone's (HR and admins). */
  published(publisherId: string | null, limit: number): Promise<NoticeRow[]>;
}

export interface ReachRecipientRow {
  user_id: string;
  name: string;
  username: string;
  department_id: string | null;
  department_name: string | null;
  delivered: number;
  read_at: number | null;
  acked_at: number | null;
  reminded_at: number | null;
  reminders: number;
}

export interface ReachCountRow {
  department_id: string | null;
  department_name: string | null;
  total: number;
  delivered: number;
  read: number;
  acknowledged: number;
}

/**
 * Who a notice reached, by department and by person. Delivered means read, or acknowledged by the
 * PC (its log position passed the notice's event).
 */
export interface NoticeReachRepository {
  /** Counts per department, by department name. */
  byDepartment(noticeId: string): Promise<ReachCountRow[]>;
  /** Every recipient of the published notice, by department and name. */
  recipients(noticeId: string): Promise<ReachRecipientRow[]>;
}

/** The notices a new account's feed starts with (a welcome, a getting-started guide), in order. */
export interface OnboardingRepository {
  noticeIds(): Promise<string[]>;
  /** Replaces the list (a repeated id once); refuses a notice that is not live, naming it. */
  replace(noticeIds: readonly string[]): Promise<void>;
}

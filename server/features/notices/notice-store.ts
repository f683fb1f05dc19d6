import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { Audience, type NoticeContent, type NoticeStatus, type NoticeSummary } from '../../../shared/domain/notices/index.ts';
import type { Db } from '../../store/database.ts';
import { AUDIENCE_MATCH_PARAMS, audienceParams } from '../directory/audience-match.ts';

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

interface RecipientRow extends NoticeRow {
  read_at: number | null;
  acked_at: number | null;
  onboarding: number;
  reminded_at: number | null;
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

const toSummary = (row: RecipientRow): NoticeSummary => ({
  ...toContent(row),
  readAt: row.read_at,
  ackedAt: row.acked_at,
  onboarding: row.onboarding === 1,
  remindedAt: row.reminded_at,
});

const NOTICE_COLUMNS = `n.id, n.title, n.body, n.priority, n.requires_ack, n.renotify_minutes, n.pinned, n.published_at,
  n.edited_at, n.expires_at, n.publisher_id, p.display_name AS publisher_name, n.attachments, n.audience, n.status,
  n.publish_at, n.withdrawn_at, n.created_at, n.version`;

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

/** Notices and their recipients. Every statement is prepared once; audiences resolve in SQL. */
export class NoticeStore {
  private readonly sql;

  constructor(db: Db) {
    const recipientSelect = `SELECT ${NOTICE_COLUMNS}, r.read_at, r.acked_at, r.onboarding, r.reminded_at
      FROM notice_recipients r JOIN notices n ON n.id = r.notice_id JOIN users p ON p.id = n.publisher_id`;
    this.sql = {
      insert: db.prepare(
        `INSERT INTO notices (id, title, body, priority, requires_ack, renotify_minutes, pinned, audience, status,
           publisher_id, created_at, publish_at, expires_at, published_at, version, fanout_pending)
         VALUES (@id, @title, @body, @priority, @requiresAck, @renotifyMinutes, @pinned, @audience, @status,
           @publisherId, @createdAt, @publishAt, @expiresAt, @publishedAt, 1, 0)`,
      ),
      get: db.prepare<[string], NoticeRow>(
        `SELECT ${NOTICE_COLUMNS} FROM notices n JOIN users p ON p.id = n.publisher_id WHERE n.id = ?`,
      ),
      resolve: db.prepare(
        `INSERT OR IGNORE INTO notice_recipients (notice_id, user_id, department_id, onboarding)
         SELECT @noticeId, u.id, u.department_id, 0 FROM users u WHERE ${AUDIENCE_MATCH_PARAMS}`,
      ),
      matches: db.prepare<Record<string, unknown>, { id: string }>(
        `SELECT u.id FROM users u WHERE u.id = @userId AND ${AUDIENCE_MATCH_PARAMS}`,
      ),
      addRecipient: db.prepare(
        `INSERT OR IGNORE INTO notice_recipients (notice_id, user_id, department_id, onboarding)
         SELECT ?, u.id, u.department_id, ? FROM users u WHERE u.id = ? AND u.disabled = 0`,
      ),
      recipientCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM notice_recipients WHERE notice_id = ?'),
      forRecipient: db.prepare<[string, string], RecipientRow>(
        `${recipientSelect} WHERE r.notice_id = ? AND r.user_id = ? AND r.version > 0 AND n.status = 'live'`,
      ),
      receiptsOf: db.prepare<[string], NoticeReceipt>(
        `SELECT r.notice_id AS noticeId, n.title, n.status, n.published_at AS publishedAt, r.read_at AS readAt,
           r.acked_at AS acknowledgedAt, r.reminders
         FROM notice_recipients r JOIN notices n ON n.id = r.notice_id
         WHERE r.user_id = ? AND r.version > 0 ORDER BY n.published_at, n.id`,
      ),
      recentForUser: db.prepare<[string, number], RecipientRow>(
        `${recipientSelect} WHERE r.user_id = ? AND r.version > 0 AND n.status = 'live'
         ORDER BY n.published_at DESC, n.id DESC LIMIT ?`,
      ),
      markRead: db.prepare('UPDATE notice_recipients SET read_at = ? WHERE notice_id = ? AND user_id = ? AND read_at IS NULL'),
      acknowledge: db.prepare(
        `UPDATE notice_recipients SET acked_at = @at, read_at = coalesce(read_at, @at)
         WHERE notice_id = @noticeId AND user_id = @userId AND acked_at IS NULL`,
      ),
      owed: db.prepare<[string, number, number], { user_id: string; version: number }>(
        'SELECT user_id, version FROM notice_recipients WHERE notice_id = ? AND version < ? ORDER BY user_id LIMIT ?',
      ),
      onboardingAmong: db.prepare<[string, string], { user_id: string }>(
        `SELECT user_id FROM notice_recipients WHERE notice_id = ? AND onboarding = 1
         AND user_id IN (SELECT value FROM json_each(?))`,
      ),
      delivered: db.prepare(
        'UPDATE notice_recipients SET version = @version, seq = coalesce(seq, @seq) WHERE notice_id = @noticeId AND user_id = @userId',
      ),
      setFanout: db.prepare<[number, string]>('UPDATE notices SET fanout_pending = ? WHERE id = ?'),
      fanoutPending: db.prepare<[], { id: string }>('SELECT id FROM notices WHERE fanout_pending = 1'),
      dueScheduled: db.prepare<[number], { id: string }>(
        "SELECT id FROM notices WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at",
      ),
      goLive: db.prepare(
        "UPDATE notices SET status = 'live', published_at = ?, fanout_pending = 1 WHERE id = ? AND status = 'scheduled'",
      ),
      edit: db.prepare(
        `UPDATE notices SET title = @title, body = @body, priority = @priority, requires_ack = @requiresAck,
           renotify_minutes = @renotifyMinutes, pinned = @pinned, expires_at = @expiresAt, edited_at = @editedAt,
           version = version + 1, fanout_pending = CASE WHEN status = 'live' THEN 1 ELSE 0 END
         WHERE id = @noticeId`,
      ),
      withdraw: db.prepare(
        "UPDATE notices SET status = 'withdrawn', withdrawn_at = ?, version = version + 1, fanout_pending = 1 WHERE id = ?",
      ),
      setAttachments: db.prepare<[string, string]>('UPDATE notices SET attachments = ? WHERE id = ?'),
      unfinished: db.prepare<[string], { user_id: string }>(
        `SELECT r.user_id FROM notice_recipients r JOIN notices n ON n.id = r.notice_id
         WHERE r.notice_id = ? AND r.version > 0 AND (CASE WHEN n.requires_ack = 1 THEN r.acked_at ELSE r.read_at END) IS NULL`,
      ),
      remind: db.prepare(
        'UPDATE notice_recipients SET reminded_at = ?, reminders = reminders + 1 WHERE notice_id = ? AND user_id = ?',
      ),
      lastReminded: db.prepare<[string], { at: number | null }>(
        'SELECT max(reminded_at) AS at FROM notice_recipients WHERE notice_id = ?',
      ),
      liveNotices: db.prepare<[number], NoticeRow>(
        `SELECT ${NOTICE_COLUMNS} FROM notices n JOIN users p ON p.id = n.publisher_id
         WHERE n.status = 'live' AND (n.expires_at IS NULL OR n.expires_at > ?) ORDER BY n.published_at`,
      ),
      published: db.prepare<{ publisherId: string | null; limit: number }, NoticeRow>(
        `SELECT ${NOTICE_COLUMNS} FROM notices n JOIN users p ON p.id = n.publisher_id
         WHERE (@publisherId IS NULL OR n.publisher_id = @publisherId) ORDER BY n.created_at DESC LIMIT @limit`,
      ),
    };
  }

  insert(notice: NewNotice): void {
    this.sql.insert.run({
      ...notice,
      requiresAck: notice.requiresAck ? 1 : 0,
      pinned: notice.pinned ? 1 : 0,
      audience: JSON.stringify(notice.audience),
    });
  }

  get(noticeId: string): NoticeRow | null {
    return this.sql.get.get(noticeId) ?? null;
  }

  audienceOf(row: NoticeRow): Audience {
    return Audience.parse(JSON.parse(row.audience));
  }

  /** Adds everyone the audience matches now; returns how many recipients the notice has. */
  resolveRecipients(noticeId: string, audience: Audience): number {
    this.sql.resolve.run({ noticeId, ...audienceParams(audience) });
    return this.sql.recipientCount.get(noticeId)!.n;
  }

  audienceIncludes(audience: Audience, userId: string): boolean {
    return this.sql.matches.get({ userId, ...audienceParams(audience) }) !== undefined;
  }

  /** True when the user was not a recipient yet. */
  addRecipient(noticeId: string, userId: string, onboarding: boolean): boolean {
    return this.sql.addRecipient.run(noticeId, onboarding ? 1 : 0, userId).changes === 1;
  }

  /** The notice as this recipient has it; null unless it is live and was delivered to them. */
  forRecipient(noticeId: string, userId: string): NoticeSummary | null {
    const row = this.sql.forRecipient.get(noticeId, userId);
    return row ? toSummary(row) : null;
  }

  /** The live notices delivered to this user, newest first (the snapshot). */
  /** What one person was sent, read and acknowledged, withdrawn notices included (their copy of their data). */
  receiptsOf(userId: string): NoticeReceipt[] {
    return this.sql.receiptsOf.all(userId);
  }

  recentForUser(userId: string, limit: number): NoticeSummary[] {
    return this.sql.recentForUser.all(userId, limit).map(toSummary);
  }

  markRead(noticeId: string, userId: string, at: number): boolean {
    return this.sql.markRead.run(at, noticeId, userId).changes === 1;
  }

  acknowledge(noticeId: string, userId: string, at: number): boolean {
    return this.sql.acknowledge.run({ noticeId, userId, at }).changes === 1;
  }

  /** Recipients still owed an event about this notice's current version. */
  owed(noticeId: string, version: number, limit: number): { userId: string; version: number }[] {
    return this.sql.owed.all(noticeId, version, limit).map((r) => ({ userId: r.user_id, version: r.version }));
  }

  onboardingAmong(noticeId: string, userIds: readonly string[]): string[] {
    if (userIds.length === 0) return [];
    return this.sql.onboardingAmong.all(noticeId, JSON.stringify(userIds)).map((r) => r.user_id);
  }

  markDelivered(noticeId: string, userId: string, version: number, seq: number | null): void {
    this.sql.delivered.run({ noticeId, userId, version, seq });
  }

  setFanoutPending(noticeId: string, pending: boolean): void {
    this.sql.setFanout.run(pending ? 1 : 0, noticeId);
  }

  fanoutPending(): string[] {
    return this.sql.fanoutPending.all().map((r) => r.id);
  }

  dueScheduled(now: number): string[] {
    return this.sql.dueScheduled.all(now).map((r) => r.id);
  }

  goLive(noticeId: string, now: number): boolean {
    return this.sql.goLive.run(now, noticeId).changes === 1;
  }

  edit(change: {
    noticeId: string;
    title: string;
    body: string;
    priority: NoticeContent['priority'];
    requiresAck: boolean;
    renotifyMinutes: number | null;
    pinned: boolean;
    expiresAt: number | null;
    editedAt: number | null;
  }): void {
    this.sql.edit.run({ ...change, requiresAck: change.requiresAck ? 1 : 0, pinned: change.pinned ? 1 : 0 });
  }

  withdraw(noticeId: string, now: number): void {
    this.sql.withdraw.run(now, noticeId);
  }

  setAttachments(noticeId: string, attachments: readonly AttachmentRef[]): void {
    this.sql.setAttachments.run(JSON.stringify(attachments), noticeId);
  }

  /** Delivered recipients who have not read it (or, when required, not acknowledged it). */
  unfinished(noticeId: string): string[] {
    return this.sql.unfinished.all(noticeId).map((r) => r.user_id);
  }

  recordReminder(noticeId: string, userId: string, at: number): void {
    this.sql.remind.run(at, noticeId, userId);
  }

  lastReminded(noticeId: string): number | null {
    return this.sql.lastReminded.get(noticeId)?.at ?? null;
  }

  liveNotices(now: number): NoticeRow[] {
    return this.sql.liveNotices.all(now);
  }

  /** Newest first; `publisherId` null lists everyone's (HR and admins). */
  published(publisherId: string | null, limit: number): NoticeRow[] {
    return this.sql.published.all({ publisherId, limit });
  }
}

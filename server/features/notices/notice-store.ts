import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import type { Audience, NoticeSummary } from '../../../shared/domain/notices/index.ts';
import type { Db } from '../../store/database.ts';
import { AUDIENCE_MATCH_PARAMS, audienceParams } from '../directory/audience-match.ts';
import {
  type NewNotice,
  type NoticeEditChange,
  type NoticeReceipt,
  type NoticeRepository,
  type NoticeRow,
  toContent,
} from './notice-repositories.ts';

interface RecipientRow extends NoticeRow {
  read_at: number | null;
  acked_at: number | null;
  onboarding: number;
  reminded_at: number | null;
}

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

/** Notices and their recipients on SQLite. Every statement is prepared once; audiences resolve in SQL. */
export class NoticeStore implements NoticeRepository {
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

  async insert(notice: NewNotice): Promise<void> {
    this.sql.insert.run({
      ...notice,
      requiresAck: notice.requiresAck ? 1 : 0,
      pinned: notice.pinned ? 1 : 0,
      audience: JSON.stringify(notice.audience),
    });
  }

  async get(noticeId: string): Promise<NoticeRow | null> {
    return this.sql.get.get(noticeId) ?? null;
  }

  /** Adds everyone the audience matches now; returns how many recipients the notice has. */
  async resolveRecipients(noticeId: string, audience: Audience): Promise<number> {
    this.sql.resolve.run({ noticeId, ...audienceParams(audience) });
    return this.sql.recipientCount.get(noticeId)!.n;
  }

  async audienceIncludes(audience: Audience, userId: string): Promise<boolean> {
    return this.sql.matches.get({ userId, ...audienceParams(audience) }) !== undefined;
  }

  /** True when the user was not a recipient yet. */
  async addRecipient(noticeId: string, userId: string, onboarding: boolean): Promise<boolean> {
    return this.sql.addRecipient.run(noticeId, onboarding ? 1 : 0, userId).changes === 1;
  }

  /** The notice as this recipient has it; null unless it is live and was delivered to them. */
  async forRecipient(noticeId: string, userId: string): Promise<NoticeSummary | null> {
    const row = this.sql.forRecipient.get(noticeId, userId);
    return row ? toSummary(row) : null;
  }

  /** What one person was sent, read and acknowledged, withdrawn notices included (their copy of their data). */
  async receiptsOf(userId: string): Promise<NoticeReceipt[]> {
    return this.sql.receiptsOf.all(userId);
  }

  async recentForUser(userId: string, limit: number): Promise<NoticeSummary[]> {
    return this.sql.recentForUser.all(userId, limit).map(toSummary);
  }

  async markRead(noticeId: string, userId: string, at: number): Promise<boolean> {
    return this.sql.markRead.run(at, noticeId, userId).changes === 1;
  }

  async acknowledge(noticeId: string, userId: string, at: number): Promise<boolean> {
    return this.sql.acknowledge.run({ noticeId, userId, at }).changes === 1;
  }

  /** Recipients still owed an event about this notice's current version. */
  async owed(noticeId: string, version: number, limit: number): Promise<{ userId: string; version: number }[]> {
    return this.sql.owed.all(noticeId, version, limit).map((r) => ({ userId: r.user_id, version: r.version }));
  }

  async onboardingAmong(noticeId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    return this.sql.onboardingAmong.all(noticeId, JSON.stringify(userIds)).map((r) => r.user_id);
  }

  async markDelivered(noticeId: string, userId: string, version: number, seq: number | null): Promise<void> {
    this.sql.delivered.run({ noticeId, userId, version, seq });
  }

  async setFanoutPending(noticeId: string, pending: boolean): Promise<void> {
    this.sql.setFanout.run(pending ? 1 : 0, noticeId);
  }

  async fanoutPending(): Promise<string[]> {
    return this.sql.fanoutPending.all().map((r) => r.id);
  }

  async dueScheduled(now: number): Promise<string[]> {
    return this.sql.dueScheduled.all(now).map((r) => r.id);
  }

  async goLive(noticeId: string, now: number): Promise<boolean> {
    return this.sql.goLive.run(now, noticeId).changes === 1;
  }

  async edit(change: NoticeEditChange): Promise<void> {
    this.sql.edit.run({ ...change, requiresAck: change.requiresAck ? 1 : 0, pinned: change.pinned ? 1 : 0 });
  }

  async withdraw(noticeId: string, now: number): Promise<void> {
    this.sql.withdraw.run(now, noticeId);
  }

  async setAttachments(noticeId: string, attachments: readonly AttachmentRef[]): Promise<void> {
    this.sql.setAttachments.run(JSON.stringify(attachments), noticeId);
  }

  /** Delivered recipients who have not read it (or, when required, not acknowledged it). */
  async unfinished(noticeId: string): Promise<string[]> {
    return this.sql.unfinished.all(noticeId).map((r) => r.user_id);
  }

  async recordReminder(noticeId: string, userId: string, at: number): Promise<void> {
    this.sql.remind.run(at, noticeId, userId);
  }

  async lastReminded(noticeId: string): Promise<number | null> {
    return this.sql.lastReminded.get(noticeId)?.at ?? null;
  }

  async liveNotices(now: number): Promise<NoticeRow[]> {
    return this.sql.liveNotices.all(now);
  }

  /** Newest first; `publisherId` null lists everyone's (HR and admins). */
  async published(publisherId: string | null, limit: number): Promise<NoticeRow[]> {
    return this.sql.published.all({ publisherId, limit });
  }
}

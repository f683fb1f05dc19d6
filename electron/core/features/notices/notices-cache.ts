import {
  NoticeContent,
  NoticeStats,
  type NoticeSummary,
  noticeExpired,
  noticeOutstanding,
} from '../../../../shared/domain/notices/index.ts';
import type { CacheDb } from '../../cache/cache-db.ts';

interface Row {
  content: string;
  read_at: number | null;
  acked_at: number | null;
  onboarding: number;
  reminded_at: number | null;
}

export type NoticeFilter = 'all' | 'unread' | 'required';

const LIST_LIMIT = 2000;

const toSummary = (row: Row): NoticeSummary => ({
  ...NoticeContent.parse(JSON.parse(row.content)),
  readAt: row.read_at,
  ackedAt: row.acked_at,
  onboarding: row.onboarding === 1,
  remindedAt: row.reminded_at,
});

/** Trigram search needs three characters; shorter queries (two Chinese characters are a word) use LIKE. */
const TRIGRAM_MIN = 3;
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The client's copy of the notices addressed to this user, with full-text search. Order: a new
 * user's onboarding notices while unread, then pinned, then unread, then newest; expired ones last.
 */
export class NoticesCache {
  private readonly db: CacheDb;
  private readonly sql;

  constructor(db: CacheDb) {
    this.db = db;
    const order = `ORDER BY (expires_at IS NOT NULL AND expires_at <= @now),
                            (onboarding = 1 AND read_at IS NULL) DESC,
                            (onboarding = 1 AND read_at IS NULL) * published_at,
                            pinned DESC,
                            (CASE WHEN requires_ack = 1 THEN acked_at ELSE read_at END IS NULL) DESC,
                            published_at DESC, id DESC`;
    const filter = `(@filter = 'all'
      OR (@filter = 'unread' AND (CASE WHEN requires_ack = 1 THEN acked_at ELSE read_at END) IS NULL)
      OR (@filter = 'required' AND requires_ack = 1))`;
    this.sql = {
      upsert: db.prepare(
        `INSERT INTO notices (id, content, title, body, priority, requires_ack, pinned, published_at, expires_at, onboarding)
         VALUES (@id, @content, @title, @body, @priority, @requiresAck, @pinned, @publishedAt, @expiresAt, @onboarding)
         ON CONFLICT (id) DO UPDATE SET content = excluded.content, title = excluded.title, body = excluded.body,
           priority = excluded.priority, requires_ack = excluded.requires_ack, pinned = excluded.pinned,
           published_at = excluded.published_at, expires_at = excluded.expires_at,
           onboarding = max(notices.onboarding, excluded.onboarding)`,
      ),
      state: db.prepare(
        `UPDATE notices SET read_at = coalesce(read_at, @readAt), acked_at = coalesce(acked_at, @ackedAt),
           reminded_at = coalesce(@remindedAt, reminded_at) WHERE id = @id`,
      ),
      remove: db.prepare('DELETE FROM notices WHERE id = ?'),
      get: db.prepare<[string], Row>('SELECT content, read_at, acked_at, onboarding, reminded_at FROM notices WHERE id = ?'),
      list: db.prepare<{ now: number; filter: NoticeFilter; limit: number }, Row>(
        `SELECT content, read_at, acked_at, onboarding, reminded_at FROM notices WHERE ${filter} ${order} LIMIT @limit`,
      ),
      search: db.prepare<{ now: number; filter: NoticeFilter; limit: number; query: string }, Row>(
        `SELECT content, read_at, acked_at, onboarding, reminded_at FROM notices
         WHERE rowid IN (SELECT rowid FROM notices_fts WHERE notices_fts MATCH @query) AND ${filter} ${order} LIMIT @limit`,
      ),
      like: db.prepare<{ now: number; filter: NoticeFilter; limit: number; query: string }, Row>(
        `SELECT content, read_at, acked_at, onboarding, reminded_at FROM notices
         WHERE (title LIKE @query ESCAPE '\\' OR body LIKE @query ESCAPE '\\') AND ${filter} ${order} LIMIT @limit`,
      ),
      counts: db.prepare<[number], { unread: number; unacked: number }>(
        `SELECT count(*) FILTER (WHERE read_at IS NULL) AS unread,
                count(*) FILTER (WHERE acked_at IS NULL AND requires_ack = 1) AS unacked
         FROM notices WHERE expires_at IS NULL OR expires_at > ?`,
      ),
      owed: db.prepare<[number, number], Row>(
        `SELECT content, read_at, acked_at, onboarding, reminded_at FROM notices
         WHERE requires_ack = 1 AND acked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
         ORDER BY priority = 'urgent' DESC, published_at DESC LIMIT ?`,
      ),
      urgent: db.prepare<[number], Row>(
        `SELECT content, read_at, acked_at, onboarding, reminded_at FROM notices
         WHERE priority = 'urgent' AND requires_ack = 1 AND acked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
         ORDER BY published_at`,
      ),
      setStats: db.prepare(
        'INSERT INTO notice_stats (notice_id, stats) VALUES (?, ?) ON CONFLICT (notice_id) DO UPDATE SET stats = excluded.stats',
      ),
      stats: db.prepare<[string], { stats: string }>('SELECT stats FROM notice_stats WHERE notice_id = ?'),
    };
  }

  /** New or edited content; this user's read, acknowledgement and reminder are kept. */
  upsertContent(notice: NoticeContent, onboarding = false): void {
    this.sql.upsert.run({
      id: notice.id,
      content: JSON.stringify(notice),
      title: notice.title,
      body: notice.body,
      priority: notice.priority,
      requiresAck: notice.requiresAck ? 1 : 0,
      pinned: notice.pinned ? 1 : 0,
      publishedAt: notice.publishedAt,
      expiresAt: notice.expiresAt,
      onboarding: onboarding ? 1 : 0,
    });
  }

  upsert(notice: NoticeSummary): void {
    this.upsertContent(notice, notice.onboarding);
    this.sql.state.run({ id: notice.id, readAt: notice.readAt, ackedAt: notice.ackedAt, remindedAt: notice.remindedAt });
  }

  markRead(noticeId: string, readAt: number): void {
    this.sql.state.run({ id: noticeId, readAt, ackedAt: null, remindedAt: null });
  }

  acknowledge(noticeId: string, readAt: number, ackedAt: number): void {
    this.sql.state.run({ id: noticeId, readAt, ackedAt, remindedAt: null });
  }

  reminded(noticeId: string, remindedAt: number): void {
    this.sql.state.run({ id: noticeId, readAt: null, ackedAt: null, remindedAt });
  }

  remove(noticeId: string): void {
    this.sql.remove.run(noticeId);
  }

  replaceAll(notices: readonly NoticeSummary[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM notices').run();
      for (const notice of notices) this.upsert(notice);
    })();
  }

  get(noticeId: string): NoticeSummary | null {
    const row = this.sql.get.get(noticeId);
    return row ? toSummary(row) : null;
  }

  list(now: number, options: { filter?: NoticeFilter; query?: string; limit?: number } = {}): NoticeSummary[] {
    const params = { now, filter: options.filter ?? 'all', limit: options.limit ?? LIST_LIMIT };
    const query = options.query?.trim() ?? '';
    if (query === '') return this.sql.list.all(params).map(toSummary);
    if ([...query].length < TRIGRAM_MIN) return this.sql.like.all({ ...params, query: likePattern(query) }).map(toSummary);
    // A phrase query: the user's text is quoted, so FTS syntax in it (AND, *, quotes) is just text.
    return this.sql.search.all({ ...params, query: `"${query.replaceAll('"', '""')}"` }).map(toSummary);
  }

  counts(now: number): { unread: number; unacknowledgedRequired: number } {
    const row = this.sql.counts.get(now)!;
    return { unread: row.unread, unacknowledgedRequired: row.unacked };
  }

  /** Notices that ask for an acknowledgement this user has not given yet, urgent first: the brief's list. */
  owedAcknowledgements(now: number, limit: number): NoticeSummary[] {
    return this.sql.owed.all(now, limit).map(toSummary);
  }

  /** Urgent notices this user has not acknowledged yet (they come back as toasts). */
  urgentOutstanding(now: number): NoticeSummary[] {
    return this.sql.urgent.all(now).map(toSummary);
  }

  /** Still to do (unread, or unacknowledged when required) and not expired. */
  outstanding(noticeId: string, now: number): boolean {
    const notice = this.get(noticeId);
    return notice !== null && noticeOutstanding(notice) && !noticeExpired(notice, now);
  }

  setStats(stats: NoticeStats): void {
    this.sql.setStats.run(stats.noticeId, JSON.stringify(stats));
  }

  stats(noticeId: string): NoticeStats | null {
    const row = this.sql.stats.get(noticeId);
    if (!row) return null;
    const parsed = NoticeStats.safeParse(JSON.parse(row.stats));
    return parsed.success ? parsed.data : null;
  }
}

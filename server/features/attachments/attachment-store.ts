import { isPlainText } from '../../../shared/domain/safe-text.ts';
import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import type { Db } from '../../store/database.ts';
import { DomainError } from '../domain-error.ts';
import { sniffAttachment } from './sniff.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_ACTION = 10;

/** A safe display name: no path, no control characters, at most 255 characters. */
/** What one person may keep uploaded but attached to nothing, and upload in a day: a disk is shared. */
export const UNLINKED_QUOTA_BYTES = 100 * 2 ** 20;
export const DAILY_QUOTA_BYTES = 500 * 2 ** 20;

export function cleanFileName(raw: string): string | null {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(ch))
    .join('')
    .trim();
  // A direction override makes "invoice\u202Efdp.txt" read "invoicetxt.pdf": such a name is refused.
  return clean.length > 0 && clean.length <= 255 && !/^\.+$/.test(clean) && isPlainText(clean, true) ? clean : null;
}

/**
 * Uploaded files, held until a request or comment links them. Kept in SQLite next to the request
 * (up to 10 MiB each); a deployment on PostgreSQL would move the bytes to object storage.
 */
export class AttachmentStore {
  private readonly insertStmt;
  private readonly refStmt;
  private readonly linkStmt;
  private readonly contentStmt;
  private readonly noticeLinkStmt;
  private readonly messageLinkStmt;
  private readonly unlinkedBytesStmt;
  private readonly recentBytesStmt;
  private readonly removeUnlinkedStmt;

  private readonly quota: { unlinkedBytes: number; dailyBytes: number };

  constructor(db: Db, quota = { unlinkedBytes: UNLINKED_QUOTA_BYTES, dailyBytes: DAILY_QUOTA_BYTES }) {
    this.quota = quota;
    const unlinked = 'request_id IS NULL AND notice_id IS NULL AND message_id IS NULL';
    this.unlinkedBytesStmt = db.prepare<[string], { bytes: number }>(
      `SELECT COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE owner_id = ? AND ${unlinked}`,
    );
    this.recentBytesStmt = db.prepare<[string, number], { bytes: number }>(
      'SELECT COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE owner_id = ? AND created_at >= ?',
    );
    this.removeUnlinkedStmt = db.prepare<[number]>(`DELETE FROM attachments WHERE ${unlinked} AND created_at < ?`);
    this.insertStmt = db.prepare(
      `INSERT INTO attachments (id, owner_id, name, media_type, size, sha256, data, request_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
    );
    this.refStmt = db.prepare<
      [string],
      {
        id: string;
        owner_id: string;
        name: string;
        media_type: string;
        size: number;
        request_id: string | null;
        notice_id: string | null;
        message_id: string | null;
      }
    >('SELECT id, owner_id, name, media_type, size, request_id, notice_id, message_id FROM attachments WHERE id = ?');
    this.linkStmt = db.prepare<[string, string]>('UPDATE attachments SET request_id = ? WHERE id = ? AND request_id IS NULL');
    this.noticeLinkStmt = db.prepare<[string, string]>(
      'UPDATE attachments SET notice_id = ? WHERE id = ? AND request_id IS NULL AND notice_id IS NULL',
    );
    this.messageLinkStmt = db.prepare<[string, string]>(
      'UPDATE attachments SET message_id = ? WHERE id = ? AND request_id IS NULL AND notice_id IS NULL AND message_id IS NULL',
    );
    this.contentStmt = db.prepare<
      [string],
      {
        data: Buffer;
        media_type: string;
        name: string;
        request_id: string | null;
        notice_id: string | null;
        message_id: string | null;
        owner_id: string;
      }
    >('SELECT data, media_type, name, request_id, notice_id, message_id, owner_id FROM attachments WHERE id = ?');
  }

  store(ownerId: string, rawName: string, data: Buffer, now: number): AttachmentRef {
    const name = cleanFileName(rawName);
    if (!name) throw new DomainError('invalid_params', 'the file name is empty or not allowed');
    if (data.length === 0) throw new DomainError('invalid_params', 'the file is empty');
    if (data.length > MAX_ATTACHMENT_BYTES) {
      throw new DomainError('too_large', `attachments are limited to ${MAX_ATTACHMENT_BYTES} bytes`, {
        limit: MAX_ATTACHMENT_BYTES,
      });
    }
    const waiting = this.unlinkedBytesStmt.get(ownerId)!.bytes;
    if (waiting + data.length > this.quota.unlinkedBytes)
      throw new DomainError(
        'too_large',
        `you have ${Math.round(waiting / 2 ** 20)} MB of uploads not attached to anything yet; attach or wait for them to expire`,
        { limit: this.quota.unlinkedBytes },
      );
    const today = this.recentBytesStmt.get(ownerId, now - 24 * 3600_000)!.bytes;
    if (today + data.length > this.quota.dailyBytes)
      throw new DomainError(
        'too_large',
        `uploads are limited to ${Math.round(this.quota.dailyBytes / 2 ** 20)} MB a day per person`,
        {
          limit: this.quota.dailyBytes,
        },
      );
    const sniff = sniffAttachment(name, data);
    if (!sniff.ok)
      throw new DomainError('unsupported_type', `${name}: ${sniff.reason.replace('_', ' ')}`, { reason: sniff.reason });
    const id = `a_${randomUUID()}`;
    const sha256 = createHash('sha256').update(data).digest('hex');
    this.insertStmt.run(id, ownerId, name, sniff.mediaType, data.length, sha256, data, now);
    return { id, name, size: data.length, mediaType: sniff.mediaType };
  }

  /** Uploads never attached to a request, notice or message, older than `before`, are deleted. */
  removeUnlinked(before: number): number {
    return this.removeUnlinkedStmt.run(before).changes;
  }

  /** Links the caller's own unlinked uploads to a request; anything else is refused. Call inside the write. */
  claim(ownerId: string, requestId: string, ids: readonly string[]): AttachmentRef[] {
    return this.claimFor(ownerId, ids, (id) => this.linkStmt.run(requestId, id));
  }

  /** The same for a notice's attachments. */
  claimForNotice(ownerId: string, noticeId: string, ids: readonly string[]): AttachmentRef[] {
    return this.claimFor(ownerId, ids, (id) => this.noticeLinkStmt.run(noticeId, id));
  }

  /** The same for a chat message's files. */
  claimForMessage(ownerId: string, messageId: string, ids: readonly string[]): AttachmentRef[] {
    return this.claimFor(ownerId, ids, (id) => this.messageLinkStmt.run(messageId, id));
  }

  private claimFor(ownerId: string, ids: readonly string[], link: (id: string) => void): AttachmentRef[] {
    if (ids.length > MAX_ATTACHMENTS_PER_ACTION) {
      throw new DomainError('invalid_params', `at most ${MAX_ATTACHMENTS_PER_ACTION} attachments per action`);
    }
    return [...new Set(ids)].map((id) => {
      const row = this.refStmt.get(id);
      if (!row || row.owner_id !== ownerId || row.request_id !== null || row.notice_id !== null || row.message_id !== null) {
        throw new DomainError('invalid_params', `attachment ${id} is not an unused upload of yours`);
      }
      link(id);
      return { id: row.id, name: row.name, size: row.size, mediaType: row.media_type };
    });
  }

  content(id: string): AttachmentContent | null {
    const row = this.contentStmt.get(id);
    return row
      ? {
          data: row.data,
          mediaType: row.media_type,
          name: row.name,
          requestId: row.request_id,
          noticeId: row.notice_id,
          messageId: row.message_id,
          ownerId: row.owner_id,
        }
      : null;
  }
}

export interface AttachmentContent {
  data: Buffer;
  mediaType: string;
  name: string;
  requestId: string | null;
  noticeId: string | null;
  messageId: string | null;
  ownerId: string;
}

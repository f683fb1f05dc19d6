import type { ConversationListItem, PendingMessage } from '../../../../shared/bridge/chat-views.ts';
import {
  type ChatMessage,
  type Conversation,
  type MyConversation,
  type ReadPosition,
  messageExcerpt,
} from '../../../../shared/domain/chat/index.ts';
import type { CacheDb } from '../../cache/cache-db.ts';
import { conversationTitle } from './conversation-title.ts';

interface ConversationRow {
  content: string;
  last_seq: number;
  last_activity: number;
  my_read_seq: number;
  muted: number;
  history_floor: number;
}

export interface CachedConversation {
  conversation: Conversation;
  myReadSeq: number;
  muted: boolean;
  historyFloor: number;
}

/**
 * This user's chat on this device: conversations, messages, receipts and the messages not yet sent.
 * Every write comes from an applied event (or a fetched page) inside the cache's transaction.
 */
export class ChatCache {
  private readonly sql;
  private readonly me: string;

  constructor(db: CacheDb, me: string) {
    this.me = me;
    this.sql = {
      conversation: db.prepare<[string], ConversationRow>('SELECT * FROM chat_conversations WHERE id = ?'),
      upsertConversation: db.prepare(
        `INSERT INTO chat_conversations (id, content, last_seq, last_activity) VALUES (@id, @content, @lastSeq, @activity)
         ON CONFLICT (id) DO UPDATE SET content = excluded.content,
           last_seq = max(last_seq, excluded.last_seq), last_activity = max(last_activity, excluded.last_activity)`,
      ),
      setState: db.prepare('UPDATE chat_conversations SET my_read_seq = ?, muted = ? WHERE id = ?'),
      advanceMyRead: db.prepare('UPDATE chat_conversations SET my_read_seq = max(my_read_seq, ?) WHERE id = ?'),
      setMuted: db.prepare('UPDATE chat_conversations SET muted = ? WHERE id = ?'),
      setFloor: db.prepare('UPDATE chat_conversations SET history_floor = max(history_floor, ?) WHERE id = ?'),
      bumpActivity: db.prepare(
        'UPDATE chat_conversations SET last_seq = max(last_seq, ?), last_activity = max(last_activity, ?) WHERE id = ?',
      ),
      removeConversation: db.prepare('DELETE FROM chat_conversations WHERE id = ?'),
      removeMessages: db.prepare('DELETE FROM chat_messages WHERE conversation_id = ?'),
      removeMessagesAfter: db.prepare('DELETE FROM chat_messages WHERE conversation_id = ? AND seq > ?'),
      setLastSeq: db.prepare('UPDATE chat_conversations SET last_seq = ?, last_activity = ? WHERE id = ?'),
      removeReads: db.prepare('DELETE FROM chat_reads WHERE conversation_id = ?'),
      allIds: db.prepare<[], { id: string }>('SELECT id FROM chat_conversations'),
      upsertMessage: db.prepare(
        `INSERT INTO chat_messages (id, conversation_id, seq, sender_id, sender_name, sent_at, text, deleted, mentions_me, content)
         VALUES (@id, @conversationId, @seq, @senderId, @senderName, @sentAt, @text, @deleted, @mentionsMe, @content)
         ON CONFLICT (id) DO UPDATE SET text = excluded.text, deleted = excluded.deleted,
           mentions_me = excluded.mentions_me, content = excluded.content, sender_name = excluded.sender_name`,
      ),
      lastMessage: db.prepare<[string], { content: string }>(
        'SELECT content FROM chat_messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      page: db.prepare<[string, number, number], { content: string }>(
        'SELECT content FROM chat_messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
      list: db.prepare<[string], ConversationRow & { id: string; unread: number; mentioned: number; pending: number }>(
        `SELECT c.*,
           (SELECT count(*) FROM chat_messages m WHERE m.conversation_id = c.id AND m.seq > c.my_read_seq
              AND m.sender_id <> ? AND m.deleted = 0) AS unread,
           EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = c.id AND m.seq > c.my_read_seq
              AND m.mentions_me = 1 AND m.deleted = 0) AS mentioned,
           (SELECT count(*) FROM chat_pending p WHERE p.conversation_id = c.id AND p.failed IS NULL) AS pending
         FROM chat_conversations c ORDER BY c.last_activity DESC`,
      ),
      // Per conversation, so each count walks its (conversation_id, seq) index from the read position.
      totals: db.prepare<[string], { unread: number; mentioned: number }>(
        `SELECT
           coalesce(sum(CASE WHEN c.muted = 0 THEN (SELECT count(*) FROM chat_messages m WHERE m.conversation_id = c.id
             AND m.seq > c.my_read_seq AND m.sender_id <> ? AND m.deleted = 0) ELSE 0 END), 0) AS unread,
           coalesce(sum(EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = c.id AND m.seq > c.my_read_seq
             AND m.mentions_me = 1 AND m.deleted = 0)), 0) AS mentioned
         FROM chat_conversations c`,
      ),
      upsertRead: db.prepare(
        `INSERT INTO chat_reads (conversation_id, user_id, seq) VALUES (?, ?, ?)
         ON CONFLICT DO UPDATE SET seq = max(seq, excluded.seq)`,
      ),
      reads: db.prepare<[string], { user_id: string; seq: number }>(
        'SELECT user_id, seq FROM chat_reads WHERE conversation_id = ? ORDER BY user_id',
      ),
      addPending: db.prepare('INSERT INTO chat_pending (action_id, conversation_id, created_at, draft) VALUES (?, ?, ?, ?)'),
      pending: db.prepare<
        [string],
        { action_id: string; conversation_id: string; created_at: number; draft: string; failed: string | null }
      >('SELECT * FROM chat_pending WHERE conversation_id = ? ORDER BY created_at, rowid'),
      removePending: db.prepare('DELETE FROM chat_pending WHERE action_id = ?'),
      failPending: db.prepare('UPDATE chat_pending SET failed = ? WHERE action_id = ?'),
    };
  }

  /** After a resync: the server's list is the truth; conversations left since are dropped with their messages. */
  replaceConversations(conversations: readonly MyConversation[]): void {
    const keep = new Set(conversations.map((c) => c.id));
    for (const { id } of this.sql.allIds.all()) if (!keep.has(id)) this.remove(id);
    for (const c of conversations) {
      const { myReadSeq, muted, ...shared } = c;
      this.upsertConversation(shared);
      // The snapshot is the truth, also going back: after the server was restored from a backup,
      // messages past its last one are gone, and their numbers will be given to new ones.
      this.sql.removeMessagesAfter.run(c.id, c.lastSeq);
      this.sql.setLastSeq.run(c.lastSeq, c.lastMessage?.sentAt ?? c.createdAt, c.id);
      this.sql.setState.run(myReadSeq, muted ? 1 : 0, c.id);
      if (c.lastMessage) this.upsertMessage(c.lastMessage);
    }
  }

  upsertConversation(conversation: Conversation): void {
    this.sql.upsertConversation.run({
      id: conversation.id,
      content: JSON.stringify(conversation),
      lastSeq: conversation.lastSeq,
      activity: conversation.lastMessage?.sentAt ?? conversation.createdAt,
    });
  }

  /** A message, new or changed. Mine count as read; its pending copy (same actionId) is done. */
  upsertMessage(message: ChatMessage): void {
    this.sql.upsertMessage.run({
      id: message.id,
      conversationId: message.conversationId,
      seq: message.seq,
      senderId: message.senderId,
      senderName: message.senderName,
      sentAt: message.sentAt,
      text: message.deleted ? '' : message.text,
      deleted: message.deleted ? 1 : 0,
      mentionsMe: message.mentions.includes(this.me) ? 1 : 0,
      content: JSON.stringify(message),
    });
    this.sql.bumpActivity.run(message.seq, message.sentAt, message.conversationId);
    if (message.senderId === this.me) {
      this.sql.advanceMyRead.run(message.seq, message.conversationId);
      if (message.clientMessageId) this.sql.removePending.run(message.clientMessageId);
    }
  }

  setRead(conversationId: string, userId: string, seq: number): void {
    this.sql.upsertRead.run(conversationId, userId, seq);
    if (userId === this.me) this.sql.advanceMyRead.run(seq, conversationId);
  }

  replaceReads(conversationId: string, positions: readonly ReadPosition[]): void {
    for (const p of positions) this.setRead(conversationId, p.userId, p.seq);
  }

  reads(conversationId: string): ReadPosition[] {
    return this.sql.reads.all(conversationId).map((r) => ({ userId: r.user_id, seq: r.seq }));
  }

  setMuted(conversationId: string, muted: boolean): void {
    this.sql.setMuted.run(muted ? 1 : 0, conversationId);
  }

  /** History was paged to its start: nothing below `seq` exists for this user. */
  setHistoryFloor(conversationId: string, seq: number): void {
    this.sql.setFloor.run(seq, conversationId);
  }

  remove(conversationId: string): void {
    this.sql.removeConversation.run(conversationId);
    this.sql.removeMessages.run(conversationId);
    this.sql.removeReads.run(conversationId);
  }

  get(conversationId: string): CachedConversation | null {
    const row = this.sql.conversation.get(conversationId);
    if (!row) return null;
    const conversation = JSON.parse(row.content) as Conversation;
    const last = this.sql.lastMessage.get(conversationId);
    return {
      conversation: {
        ...conversation,
        lastSeq: Math.max(conversation.lastSeq, row.last_seq),
        lastMessage: last ? (JSON.parse(last.content) as ChatMessage) : conversation.lastMessage,
      },
      myReadSeq: row.my_read_seq,
      muted: row.muted === 1,
      historyFloor: row.history_floor,
    };
  }

  /** Newest `limit` messages below `beforeSeq`, returned oldest first. */
  page(conversationId: string, beforeSeq: number | null, limit: number): ChatMessage[] {
    return this.sql.page
      .all(conversationId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit)
      .map((r) => JSON.parse(r.content) as ChatMessage)
      .reverse();
  }

  list(): ConversationListItem[] {
    return this.sql.list.all(this.me).map((row) => {
      const conversation = JSON.parse(row.content) as Conversation;
      const lastRow = this.sql.lastMessage.get(row.id);
      const last = lastRow ? (JSON.parse(lastRow.content) as ChatMessage) : conversation.lastMessage;
      const other = conversation.kind === 'direct' ? conversation.members.find((m) => m.id !== this.me) : undefined;
      return {
        id: row.id,
        kind: conversation.kind,
        title: conversationTitle(conversation, this.me),
        otherUserId: other?.id ?? null,
        memberCount: conversation.members.length,
        lastMessage: last
          ? {
              senderName: last.senderName,
              excerpt: last.deleted ? '' : messageExcerpt(last.text) || last.attachments.map((a) => a.name).join(', '),
              sentAt: last.sentAt,
              mine: last.senderId === this.me,
              deleted: last.deleted,
            }
          : null,
        lastActivity: row.last_activity,
        unread: row.unread,
        mentioned: row.mentioned === 1,
        muted: row.muted === 1,
        pending: row.pending,
      };
    });
  }

  /** For Home, the nav and the tray (on every applied batch): one query, no JSON. Muted conversations count only mentions. */
  unreadTotals(): { unread: number; mentioned: number } {
    return this.sql.totals.get(this.me)!;
  }

  addPending(actionId: string, pending: Omit<PendingMessage, 'actionId' | 'failed'>): void {
    this.sql.addPending.run(actionId, pending.conversationId, pending.createdAt, JSON.stringify(pending));
  }

  pending(conversationId: string): PendingMessage[] {
    return this.sql.pending.all(conversationId).map((row) => ({
      ...(JSON.parse(row.draft) as Omit<PendingMessage, 'actionId' | 'failed'>),
      actionId: row.action_id,
      failed: row.failed ? (JSON.parse(row.failed) as PendingMessage['failed']) : null,
    }));
  }

  failPending(actionId: string, failure: { code: string; message: string }): void {
    this.sql.failPending.run(JSON.stringify(failure), actionId);
  }

  removePending(actionId: string): void {
    this.sql.removePending.run(actionId);
  }
}

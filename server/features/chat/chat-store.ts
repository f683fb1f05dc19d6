import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { type ChatMessage, type MemberRole, type ReadPosition, messageExcerpt } from '../../../shared/domain/chat/index.ts';
import type { Db } from '../../store/database.ts';
import type { ChatRepository, ConversationRow, MemberRow, NewConversationRow, NewMessage } from './chat-repositories.ts';

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  sender_name: string;
  text: string;
  mentions: string;
  reply_to: string | null;
  attachments: string;
  sent_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  client_message_id: string | null;
}

const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.seq, m.sender_id, u.display_name AS sender_name, m.text, m.mentions,
  m.reply_to, m.attachments, m.sent_at, m.edited_at, m.deleted_at, m.client_message_id`;

/** Chat on SQLite, every statement prepared once. Writes run inside the caller's unit of work. */
export class ChatStore implements ChatRepository {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      insertConversation: db.prepare(
        `INSERT INTO conversations (id, kind, title, direct_key, created_by, created_at, last_seq, updated_at)
         VALUES (@id, @kind, @title, @directKey, @createdBy, @now, 0, @now)`,
      ),
      byDirectKey: db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE direct_key = ?'),
      conversation: db.prepare<[string], ConversationRow>(
        'SELECT id, kind, title, created_by, created_at, last_seq FROM conversations WHERE id = ?',
      ),
      insertMember: db.prepare(
        `INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, joined_seq, read_seq)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      removeMember: db.prepare('DELETE FROM conversation_members WHERE conversation_id = ? AND user_id = ?'),
      setRole: db.prepare('UPDATE conversation_members SET role = ? WHERE conversation_id = ? AND user_id = ?'),
      members: db.prepare<[string], MemberRow>(
        `SELECT u.id, u.display_name AS name, m.role, m.joined_seq, m.read_seq, m.muted
         FROM conversation_members m JOIN users u ON u.id = m.user_id
         WHERE m.conversation_id = ? ORDER BY m.joined_at, u.display_name`,
      ),
      membership: db.prepare<[string, string], MemberRow>(
        `SELECT u.id, u.display_name AS name, m.role, m.joined_seq, m.read_seq, m.muted
         FROM conversation_members m JOIN users u ON u.id = m.user_id WHERE m.conversation_id = ? AND m.user_id = ?`,
      ),
      memberCount: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM conversation_members WHERE conversation_id = ?',
      ),
      nextSeq: db.prepare<[number, string], { last_seq: number }>(
        'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq',
      ),
      touch: db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?'),
      insertMessage: db.prepare(
        `INSERT INTO messages (id, conversation_id, seq, sender_id, text, mentions, reply_to, attachments, sent_at, client_message_id)
         VALUES (@id, @conversationId, @seq, @senderId, @text, @mentions, @replyTo, @attachments, @sentAt, @clientMessageId)`,
      ),
      message: db.prepare<[string], MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.id = ?`,
      ),
      lastMessage: db.prepare<[string], MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id
         WHERE m.conversation_id = ? ORDER BY m.seq DESC LIMIT 1`,
      ),
      sentBy: db.prepare<[string], MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id
         WHERE m.sender_id = ? ORDER BY m.sent_at, m.conversation_id, m.seq`,
      ),
      history: db.prepare<[string, number, number, number], MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id
         WHERE m.conversation_id = ? AND m.seq < ? AND m.seq > ? ORDER BY m.seq DESC LIMIT ?`,
      ),
      edit: db.prepare('UPDATE messages SET text = ?, mentions = ?, edited_at = ? WHERE id = ?'),
      erase: db.prepare(`UPDATE messages SET text = '', mentions = '[]', attachments = '[]', deleted_at = ? WHERE id = ?`),
      eraseFiles: db.prepare('UPDATE attachments SET data = zeroblob(0) WHERE message_id = ?'),
      advanceRead: db.prepare(
        'UPDATE conversation_members SET read_seq = ? WHERE conversation_id = ? AND user_id = ? AND read_seq < ?',
      ),
      setMuted: db.prepare('UPDATE conversation_members SET muted = ? WHERE conversation_id = ? AND user_id = ?'),
      readPositions: db.prepare<[string], { user_id: string; read_seq: number }>(
        'SELECT user_id, read_seq FROM conversation_members WHERE conversation_id = ? ORDER BY user_id',
      ),
      sendersBetween: db.prepare<[string, number, number], { sender_id: string }>(
        'SELECT DISTINCT sender_id FROM messages WHERE conversation_id = ? AND seq > ? AND seq <= ?',
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conversations'),
      recentFor: db.prepare<[string, number], { id: string }>(
        `SELECT c.id FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.user_id = ? ORDER BY c.updated_at DESC LIMIT ?`,
      ),
    };
  }

  async insertConversation(row: NewConversationRow): Promise<void> {
    this.sql.insertConversation.run(row);
  }

  async directConversation(directKey: string): Promise<string | null> {
    return this.sql.byDirectKey.get(directKey)?.id ?? null;
  }

  async conversation(id: string): Promise<ConversationRow | null> {
    return this.sql.conversation.get(id) ?? null;
  }

  async addMember(conversationId: string, userId: string, role: MemberRole, now: number, joinedSeq: number): Promise<boolean> {
    return this.sql.insertMember.run(conversationId, userId, role, now, joinedSeq, joinedSeq).changes > 0;
  }

  async removeMember(conversationId: string, userId: string): Promise<void> {
    this.sql.removeMember.run(conversationId, userId);
  }

  async setRole(conversationId: string, userId: string, role: MemberRole): Promise<void> {
    this.sql.setRole.run(role, conversationId, userId);
  }

  async members(conversationId: string): Promise<MemberRow[]> {
    return this.sql.members.all(conversationId);
  }

  async membership(conversationId: string, userId: string): Promise<MemberRow | null> {
    return this.sql.membership.get(conversationId, userId) ?? null;
  }

  async memberCount(conversationId: string): Promise<number> {
    return this.sql.memberCount.get(conversationId)!.n;
  }

  async nextSeq(conversationId: string, now: number): Promise<number> {
    return this.sql.nextSeq.get(now, conversationId)!.last_seq;
  }

  async touch(conversationId: string, now: number): Promise<void> {
    this.sql.touch.run(now, conversationId);
  }

  async insertMessage(message: NewMessage): Promise<void> {
    this.sql.insertMessage.run({
      ...message,
      mentions: JSON.stringify(message.mentions),
      attachments: JSON.stringify(message.attachments),
    });
  }

  async message(id: string): Promise<ChatMessage | null> {
    const row = this.sql.message.get(id);
    return row ? this.toMessage(row) : null;
  }

  async lastMessage(conversationId: string): Promise<ChatMessage | null> {
    const row = this.sql.lastMessage.get(conversationId);
    return row ? this.toMessage(row) : null;
  }

  /** Every message one person sent, oldest first (their copy of their data). */
  async sentBy(userId: string): Promise<ChatMessage[]> {
    return this.sql.sentBy.all(userId).map((row) => this.toMessage(row));
  }

  async history(conversationId: string, beforeSeq: number, afterSeq: number, limit: number): Promise<ChatMessage[]> {
    return this.sql.history.all(conversationId, beforeSeq, afterSeq, limit).map((row) => this.toMessage(row));
  }

  async edit(id: string, text: string, mentions: readonly string[], now: number): Promise<void> {
    this.sql.edit.run(text, JSON.stringify(mentions), now, id);
  }

  /** A deleted message keeps its place (seq) but loses its words and files, also on the server. */
  async erase(id: string, now: number): Promise<void> {
    this.sql.erase.run(now, id);
    this.sql.eraseFiles.run(id);
  }

  /** Moves a read position forward; false when it was already there or beyond. */
  async advanceRead(conversationId: string, userId: string, seq: number): Promise<boolean> {
    return this.sql.advanceRead.run(seq, conversationId, userId, seq).changes > 0;
  }

  async setMuted(conversationId: string, userId: string, muted: boolean): Promise<void> {
    this.sql.setMuted.run(muted ? 1 : 0, conversationId, userId);
  }

  async readPositions(conversationId: string): Promise<ReadPosition[]> {
    return this.sql.readPositions.all(conversationId).map((r) => ({ userId: r.user_id, seq: r.read_seq }));
  }

  async sendersBetween(conversationId: string, afterSeq: number, upToSeq: number): Promise<string[]> {
    return this.sql.sendersBetween.all(conversationId, afterSeq, upToSeq).map((r) => r.sender_id);
  }

  async conversationCount(): Promise<number> {
    return this.sql.count.get()!.n;
  }

  async recentConversationIds(userId: string, limit: number): Promise<string[]> {
    return this.sql.recentFor.all(userId, limit).map((r) => r.id);
  }

  private toMessage(row: MessageRow): ChatMessage {
    let replyTo: ChatMessage['replyTo'] = null;
    if (row.reply_to) {
      const quoted = this.sql.message.get(row.reply_to);
      if (quoted) {
        replyTo = {
          messageId: quoted.id,
          seq: quoted.seq,
          senderName: quoted.sender_name,
          excerpt: quoted.deleted_at === null ? messageExcerpt(quoted.text, 200) : '',
          deleted: quoted.deleted_at !== null,
        };
      }
    }
    return {
      id: row.id,
      conversationId: row.conversation_id,
      seq: row.seq,
      senderId: row.sender_id,
      senderName: row.sender_name,
      text: row.text,
      mentions: JSON.parse(row.mentions) as string[],
      replyTo,
      attachments: JSON.parse(row.attachments) as AttachmentRef[],
      sentAt: row.sent_at,
      editedAt: row.edited_at,
      deleted: row.deleted_at !== null,
      clientMessageId: row.client_message_id,
    };
  }
}

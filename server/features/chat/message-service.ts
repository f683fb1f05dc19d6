import { randomUUID } from 'node:crypto';
import {
  CHAT_EDIT_WINDOW_MS,
  type ChatDraft,
  type ChatMessage,
  type ReadPosition,
  isEmptyDraft,
  mayPost,
} from '../../../shared/domain/chat/index.ts';
import type { Signal } from '../../../shared/protocol/signals.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import { DomainError } from '../domain-error.ts';
import type { ChatDeps, ConversationService } from './conversation-service.ts';
import type { MemberRow } from './chat-repositories.ts';
import type { AsyncWriteTx } from '../../delivery/write-gate.ts';

/** Typing signals from one person in one conversation are passed on at most this often. */
export const TYPING_THROTTLE_MS = 2000;

/**
 * Messages: sending, editing, deleting, reading and paging. Every message enters each member's
 * event log (one stored body); receipts reach the people whose messages were read.
 */
export class MessageService {
  private readonly lastTyping = new Map<string, number>();
  private readonly deps: ChatDeps & {
    conversations: ConversationService;
    attachments: AttachmentStore;
    signal: (userIds: readonly string[], signal: Signal) => void;
  };

  constructor(deps: MessageService['deps']) {
    this.deps = deps;
  }

  send(userId: string, draft: ChatDraft, clientMessageId: string | null): Promise<{ messageId: string; seq: number }> {
    const { gate, store, clock } = this.deps;
    return gate.transaction(async (tx) => {
      const { row, me } = await this.deps.conversations.requireMember(userId, draft.conversationId);
      if (!mayPost(row.kind, me.role)) {
        throw new DomainError('policy_refused', 'only the channel’s admins post here', { reason: 'channel_read_only' });
      }
      if (isEmptyDraft(draft)) throw new DomainError('invalid_params', 'a message needs text or a file');
      const members = await store.members(draft.conversationId);
      const mentions = this.checkMentions(draft.mentions, members);
      if (draft.replyToId) {
        const quoted = await store.message(draft.replyToId);
        if (!quoted || quoted.conversationId !== draft.conversationId || quoted.seq <= me.joined_seq) {
          throw new DomainError('invalid_params', 'the message replied to is not in this conversation');
        }
      }
      const now = clock.now();
      const id = `m_${randomUUID()}`;
      const seq = await store.nextSeq(draft.conversationId, now);
      const attachments = this.deps.attachments.claimForMessage(userId, id, draft.attachmentIds);
      await store.insertMessage({
        id,
        conversationId: draft.conversationId,
        seq,
        senderId: userId,
        text: draft.text,
        mentions,
        replyTo: draft.replyToId,
        attachments,
        sentAt: now,
        clientMessageId,
      });
      // What you sent you have read.
      await store.advanceRead(draft.conversationId, userId, seq);
      await tx.emit(
        members.map((m) => m.id),
        { kind: 'chat.message', message: (await store.message(id))! },
      );
      return { messageId: id, seq };
    });
  }

  edit(userId: string, messageId: string, text: string, mentionIds: readonly string[]): Promise<{ messageId: string }> {
    const { gate, store, clock } = this.deps;
    return gate.transaction(async (tx) => {
      const message = await this.ownRecent(userId, messageId, 'edit');
      if (text.trim().length === 0 && message.attachments.length === 0) {
        throw new DomainError('invalid_params', 'a message needs text or a file; delete it instead');
      }
      const members = await store.members(message.conversationId);
      const mentions = this.checkMentions(mentionIds, members);
      await store.edit(messageId, text, mentions, clock.now());
      await this.broadcast(tx, messageId, members);
      return { messageId };
    });
  }

  /** The sender within the window; a group's or channel's owner or admin at any time. */
  delete(userId: string, messageId: string): Promise<{ messageId: string }> {
    const { gate, store, clock } = this.deps;
    return gate.transaction(async (tx) => {
      const message = await store.message(messageId);
      const me = message ? await store.membership(message.conversationId, userId) : null;
      if (!message || !me) throw new DomainError('not_found', 'no such message');
      if (message.deleted) return { messageId };
      const moderator = me.role === 'owner' || me.role === 'admin';
      if (!moderator) await this.ownRecent(userId, messageId, 'delete');
      await store.erase(messageId, clock.now());
      await this.broadcast(tx, messageId, await store.members(message.conversationId));
      return { messageId };
    });
  }

  /**
   * Moves the reader's position forward. The reader's other devices hear it (their unread count),
   * and so do the people whose messages it covers (their receipts); nobody else.
   */
  markRead(userId: string, conversationId: string, seq: number): Promise<{ conversationId: string; seq: number }> {
    const { gate, store } = this.deps;
    return gate.transaction(async (tx) => {
      const { row, me } = await this.deps.conversations.requireMember(userId, conversationId);
      const target = Math.min(seq, row.last_seq);
      if (target <= me.read_seq) return { conversationId, seq: me.read_seq };
      await store.advanceRead(conversationId, userId, target);
      const senders = await store.sendersBetween(conversationId, me.read_seq, target);
      await tx.emit([userId, ...senders], { kind: 'chat.read', conversationId, userId, seq: target });
      return { conversationId, seq: target };
    });
  }

  async history(
    userId: string,
    conversationId: string,
    beforeSeq: number | null,
    limit: number,
  ): Promise<{ messages: ChatMessage[]; hasMore: boolean }> {
    const { row, me } = await this.deps.conversations.requireMember(userId, conversationId);
    const page = await this.deps.store.history(conversationId, beforeSeq ?? row.last_seq + 1, me.joined_seq, limit + 1);
    return { messages: page.slice(0, limit), hasMore: page.length > limit };
  }

  async receipts(userId: string, conversationId: string): Promise<ReadPosition[]> {
    await this.deps.conversations.requireMember(userId, conversationId);
    return this.deps.store.readPositions(conversationId);
  }

  async typing(userId: string, conversationId: string): Promise<{ ok: true }> {
    const { row, me } = await this.deps.conversations.requireMember(userId, conversationId);
    if (!mayPost(row.kind, me.role)) return { ok: true };
    const key = `${conversationId}|${userId}`;
    const now = this.deps.clock.now();
    if (now - (this.lastTyping.get(key) ?? -Infinity) < TYPING_THROTTLE_MS) return { ok: true };
    this.lastTyping.set(key, now);
    if (this.lastTyping.size > 10_000) this.lastTyping.clear();
    const others = (await this.deps.store.members(conversationId)).map((m) => m.id).filter((id) => id !== userId);
    this.deps.signal(others, { kind: 'chat.typing', conversationId, userId, name: me.name, at: now });
    return { ok: true };
  }

  /** A message's file: for the members of its conversation while the message stands. */
  async mayDownload(messageId: string, userId: string): Promise<boolean> {
    const message = await this.deps.store.message(messageId);
    if (!message || message.deleted) return false;
    const me = await this.deps.store.membership(message.conversationId, userId);
    return me !== null && message.seq > me.joined_seq;
  }

  private async ownRecent(userId: string, messageId: string, what: 'edit' | 'delete'): Promise<ChatMessage> {
    const message = await this.deps.store.message(messageId);
    if (!message || !(await this.deps.store.membership(message.conversationId, userId))) {
      throw new DomainError('not_found', 'no such message');
    }
    if (message.senderId !== userId) throw new DomainError('forbidden', `only the sender may ${what} a message`);
    if (message.deleted) throw new DomainError('invalid_params', 'the message was deleted');
    if (this.deps.clock.now() - message.sentAt > CHAT_EDIT_WINDOW_MS) {
      throw new DomainError('window_closed', `messages can be changed for ${CHAT_EDIT_WINDOW_MS / 60_000} minutes`, {
        minutes: CHAT_EDIT_WINDOW_MS / 60_000,
      });
    }
    return message;
  }

  private checkMentions(mentions: readonly string[], members: readonly MemberRow[]): string[] {
    const ids = new Set(members.map((m) => m.id));
    const unique = [...new Set(mentions)];
    const strangers = unique.filter((id) => !ids.has(id));
    if (strangers.length > 0)
      throw new DomainError('invalid_params', `mentioned people are not members: ${strangers.join(', ')}`);
    return unique;
  }

  private async broadcast(tx: AsyncWriteTx, messageId: string, members: readonly MemberRow[]): Promise<void> {
    await tx.emit(
      members.map((m) => m.id),
      { kind: 'chat.message', message: (await this.deps.store.message(messageId))! },
    );
  }
}

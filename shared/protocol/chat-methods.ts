import { z } from 'zod';
import {
  CHAT_MENTIONS_MAX,
  CHAT_TEXT_MAX,
  CONVERSATION_MEMBERS_MAX,
  ChatDraft,
  ChatMessage,
  ChatPolicy,
  NewConversation,
  ReadPosition,
} from '../domain/chat/index.ts';
import { EntityId } from '../domain/ids.ts';

const ConversationRef = z.object({ conversationId: EntityId });
const MessageRef = z.object({ messageId: EntityId });
/** A history page: at most this many messages per request. */
export const HISTORY_PAGE_MAX = 200;

/** Chat's methods (spread into the protocol's method table). */
export const chatMethods = {
  'chat.create': { mutating: true, params: NewConversation, result: z.object({ conversationId: EntityId }) },
  'chat.send': {
    mutating: true,
    params: ChatDraft,
    result: z.object({ messageId: EntityId, seq: z.number().int().positive() }),
  },
  /** Only the sender, within the edit window. */
  'chat.edit': {
    mutating: true,
    params: MessageRef.extend({
      text: z.string().max(CHAT_TEXT_MAX),
      mentions: z.array(EntityId).max(CHAT_MENTIONS_MAX).default([]),
    }),
    result: MessageRef,
  },
  /** The sender within the edit window; a group's owner or admin at any time (moderation). */
  'chat.delete': { mutating: true, params: MessageRef, result: MessageRef },
  /** Moves this member's read position forward (never back). */
  'chat.markRead': {
    mutating: true,
    params: ConversationRef.extend({ seq: z.number().int().nonnegative() }),
    result: ConversationRef.extend({ seq: z.number().int().nonnegative() }),
  },
  'chat.mute': {
    mutating: true,
    params: ConversationRef.extend({ muted: z.boolean() }),
    result: ConversationRef.extend({ muted: z.boolean() }),
  },
  'chat.addMembers': {
    mutating: true,
    params: ConversationRef.extend({ memberIds: z.array(EntityId).min(1).max(CONVERSATION_MEMBERS_MAX) }),
    result: ConversationRef.extend({ added: z.number().int().nonnegative() }),
  },
  'chat.leave': { mutating: true, params: ConversationRef, result: ConversationRef },
  /** Older messages, newest first: `beforeSeq` null for the latest page. */
  'chat.history': {
    mutating: false,
    params: ConversationRef.extend({
      beforeSeq: z.number().int().positive().nullable().default(null),
      limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(50),
    }),
    result: z.object({ messages: z.array(ChatMessage).max(HISTORY_PAGE_MAX), hasMore: z.boolean() }),
  },
  /** Every member's read position, for receipts ("read" in a direct chat, who has read in a group). */
  'chat.receipts': { mutating: false, params: ConversationRef, result: z.array(ReadPosition) },
  /** Tells the other members' open windows that this user is typing (not stored). */
  'chat.typing': { mutating: false, params: ConversationRef, result: z.object({ ok: z.literal(true) }) },
  /** The admins' chat rules and what they allow this user. */
  'chat.policy': {
    mutating: false,
    params: z.object({}),
    result: z.object({
      policy: ChatPolicy,
      mayCreateLargeGroups: z.boolean(),
      mayCreateChannels: z.boolean(),
    }),
  },
} as const;

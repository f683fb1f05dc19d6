import { z } from 'zod';
import { AttachmentRef } from '../domain/approvals/request.ts';
import {
  CHAT_MENTIONS_MAX,
  CHAT_TEXT_MAX,
  ChatMessage,
  ChatPolicy,
  ConversationKind,
  ConversationMember,
  MemberRole,
  ReadPosition,
} from '../domain/chat/index.ts';
import { EntityId, Instant } from '../domain/ids.ts';

/** A row of the conversation list: what to show and how loud (unread, mentioned, muted). */
export const ConversationListItem = z.object({
  id: EntityId,
  kind: ConversationKind,
  /** The group's or channel's name, else the member names; for a direct chat, the other person. */
  title: z.string().max(300),
  /** The other person of a direct conversation (for their presence). */
  otherUserId: EntityId.nullable(),
  memberCount: z.number().int().nonnegative(),
  lastMessage: z
    .object({
      senderName: z.string().max(128),
      excerpt: z.string().max(200),
      sentAt: Instant,
      mine: z.boolean(),
      deleted: z.boolean(),
    })
    .nullable(),
  lastActivity: Instant,
  unread: z.number().int().nonnegative(),
  /** An unread message mentions this user (shown even when muted). */
  mentioned: z.boolean(),
  muted: z.boolean(),
  /** Messages written here that wait in the outbox. */
  pending: z.number().int().nonnegative(),
});
export type ConversationListItem = z.infer<typeof ConversationListItem>;

/** A message not yet on the server: in the outbox, or refused (then it says why and may be discarded). */
export const PendingMessage = z.object({
  actionId: z.string().max(64),
  conversationId: EntityId,
  text: z.string().max(CHAT_TEXT_MAX),
  replyToId: EntityId.nullable(),
  attachments: z.array(AttachmentRef).max(10),
  createdAt: Instant,
  failed: z.object({ code: z.string().max(64), message: z.string().max(2000) }).nullable(),
});
export type PendingMessage = z.infer<typeof PendingMessage>;

export const ConversationDetail = z.object({
  id: EntityId,
  kind: ConversationKind,
  title: z.string().max(300),
  /** Null for direct chats; the name admins gave a group or channel otherwise. */
  givenTitle: z.string().max(100).nullable(),
  otherUserId: EntityId.nullable(),
  members: z.array(ConversationMember),
  myRole: MemberRole,
  mayPost: z.boolean(),
  muted: z.boolean(),
  myReadSeq: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
  /** Everyone's read position (receipts), as last heard. */
  reads: z.array(ReadPosition),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const MessagePage = z.object({
  /** Oldest first. */
  messages: z.array(ChatMessage),
  /** Older messages exist (in the cache or on the server). */
  hasMore: z.boolean(),
  pending: z.array(PendingMessage),
});
export type MessagePage = z.infer<typeof MessagePage>;

export const ChatSearchHit = z.object({
  messageId: EntityId,
  conversationId: EntityId,
  conversationTitle: z.string().max(300),
  seq: z.number().int().positive(),
  senderName: z.string().max(128),
  excerpt: z.string().max(300),
  sentAt: Instant,
});
export type ChatSearchHit = z.infer<typeof ChatSearchHit>;

export const ChatSendParams = z
  .object({
    conversationId: EntityId,
    text: z.string().max(CHAT_TEXT_MAX),
    mentions: z.array(EntityId).max(CHAT_MENTIONS_MAX).default([]),
    replyToId: EntityId.nullable().default(null),
    attachments: z.array(AttachmentRef).max(10).default([]),
  })
  .strict();

export const ChatPolicyView = z.object({
  policy: ChatPolicy,
  mayCreateLargeGroups: z.boolean(),
  mayCreateChannels: z.boolean(),
});

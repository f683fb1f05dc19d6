import { z } from 'zod';
import { EntityId, Instant } from '../ids.ts';
import { ChatMessage } from './message.ts';

/** direct: two people; group: members talk; channel: an announcement channel, only its admins post. */
export const ConversationKind = z.enum(['direct', 'group', 'channel']);
export type ConversationKind = z.infer<typeof ConversationKind>;

export const MemberRole = z.enum(['owner', 'admin', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

/** The hard ceiling on members, whatever the policy says (a conversation event carries its member list). */
export const CONVERSATION_MEMBERS_MAX = 500;
export const CONVERSATION_TITLE_MAX = 100;

export const ConversationMember = z.object({ id: EntityId, name: z.string().max(128), role: MemberRole });
export type ConversationMember = z.infer<typeof ConversationMember>;

/**
 * The facts every member shares, sent whole to all of them when any changes (one stored body however
 * many members). Each member's own read position and mute travel separately.
 */
export const Conversation = z.object({
  id: EntityId,
  kind: ConversationKind,
  /** Null for direct conversations: each side shows the other person's name. */
  title: z.string().max(CONVERSATION_TITLE_MAX).nullable(),
  members: z.array(ConversationMember).max(CONVERSATION_MEMBERS_MAX),
  createdBy: EntityId,
  createdAt: Instant,
  lastSeq: z.number().int().nonnegative(),
  lastMessage: ChatMessage.nullable(),
});
export type Conversation = z.infer<typeof Conversation>;

/** A conversation with this member's own state: where they have read to, and whether they muted it. */
export const MyConversation = Conversation.extend({
  myReadSeq: z.number().int().nonnegative(),
  muted: z.boolean(),
});
export type MyConversation = z.infer<typeof MyConversation>;

export const NewConversation = z.object({
  kind: ConversationKind,
  title: z.string().trim().max(CONVERSATION_TITLE_MAX).nullable().default(null),
  /** Everyone but the creator, who is always a member (the owner). */
  memberIds: z.array(EntityId).min(1).max(CONVERSATION_MEMBERS_MAX),
});
export type NewConversation = z.infer<typeof NewConversation>;

/** Where a member has read to in a conversation: receipts are computed from these. */
export const ReadPosition = z.object({ userId: EntityId, seq: z.number().int().nonnegative() });
export type ReadPosition = z.infer<typeof ReadPosition>;

/** Who may post: everyone in a direct or group conversation, only owners and admins in a channel. */
export function mayPost(kind: ConversationKind, role: MemberRole): boolean {
  return kind !== 'channel' || role !== 'member';
}

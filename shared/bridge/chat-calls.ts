import { z } from 'zod';
import { searchQuery } from '../domain/safe-text.ts';
import { CHAT_MENTIONS_MAX, CHAT_TEXT_MAX, CONVERSATION_MEMBERS_MAX, NewConversation } from '../domain/chat/index.ts';
import { EntityId } from '../domain/ids.ts';
import { LeaderPresence, PresenceSettings, PresenceView } from '../domain/presence/index.ts';
import { PRESENCE_WATCH_MAX } from '../protocol/presence-methods.ts';
import {
  ChatPolicyView,
  ChatSearchHit,
  ChatSendParams,
  ConversationDetail,
  ConversationListItem,
  MessagePage,
} from './chat-views.ts';
import { ActionOutcome } from './views.ts';

const none = z.object({}).strict();
const ConversationRef = z.object({ conversationId: EntityId }).strict();
const MessageRef = z.object({ messageId: EntityId }).strict();

/** The bridge's chat and presence calls (spread into the bridge's call table). */
export const chatBridgeCalls = {
  /** Every conversation in the cache, most recent activity first. */
  'chat.list': { params: none, result: z.array(ConversationListItem) },
  /** Opens a conversation: its members, roles and receipts (fetched when online). Null if unknown. */
  'chat.open': { params: ConversationRef, result: ConversationDetail.nullable() },
  /** A page of messages ending before `beforeSeq` (null: the latest), from the cache, fetching older ones when online. */
  'chat.messages': {
    params: ConversationRef.extend({
      beforeSeq: z.number().int().positive().nullable().default(null),
      limit: z.number().int().min(1).max(200).default(50),
    }).strict(),
    result: MessagePage,
  },
  'chat.send': { params: ChatSendParams, result: ActionOutcome },
  /** Forgets a message the server refused (it says why in the pending list). */
  'chat.discard': { params: z.object({ actionId: z.string().max(64) }).strict(), result: z.object({ ok: z.literal(true) }) },
  'chat.edit': {
    params: MessageRef.extend({
      text: z.string().max(CHAT_TEXT_MAX),
      mentions: z.array(EntityId).max(CHAT_MENTIONS_MAX).default([]),
    }).strict(),
    result: ActionOutcome,
  },
  'chat.delete': { params: MessageRef, result: ActionOutcome },
  'chat.markRead': { params: ConversationRef.extend({ seq: z.number().int().nonnegative() }).strict(), result: ActionOutcome },
  'chat.mute': { params: ConversationRef.extend({ muted: z.boolean() }).strict(), result: ActionOutcome },
  'chat.create': { params: NewConversation.strict(), result: ActionOutcome },
  'chat.addMembers': {
    params: ConversationRef.extend({ memberIds: z.array(EntityId).min(1).max(CONVERSATION_MEMBERS_MAX) }).strict(),
    result: ActionOutcome,
  },
  'chat.leave': { params: ConversationRef, result: ActionOutcome },
  /** The conversation on screen (null: none, or the window is hidden): its messages need no toast. */
  'chat.viewing': {
    params: z.object({ conversationId: EntityId.nullable() }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  /** "I am typing", at most every few seconds; dropped when offline. */
  'chat.typing': { params: ConversationRef, result: z.object({ ok: z.literal(true) }) },
  /** Full-text search of the cached messages (any language, also two-character Chinese words). */
  'chat.search': {
    params: z.object({ query: searchQuery(200), conversationId: EntityId.nullable().default(null) }).strict(),
    result: z.object({ hits: z.array(ChatSearchHit), tookMs: z.number().nonnegative() }),
  },
  /** What the admins' policy allows this user; null offline. */
  'chat.policy': { params: none, result: ChatPolicyView.nullable() },
  /** The presence of these people as last heard; they are followed until the next call. */
  'presence.watch': {
    params: z.object({ userIds: z.array(EntityId).max(PRESENCE_WATCH_MAX) }).strict(),
    result: z.array(PresenceView),
  },
  'presence.mine': {
    params: none,
    result: z.object({ settings: PresenceSettings.nullable(), presence: PresenceView.nullable() }),
  },
  'presence.set': { params: PresenceSettings.strict(), result: ActionOutcome },
  /** This user's leaders with their presence; the kept copy offline (or null). */
  'presence.leaders': { params: none, result: z.array(LeaderPresence).nullable() },
  /** The browser host's page saw the user (keys, pointer); Electron asks the OS instead and ignores this. */
  'presence.activity': { params: none, result: z.object({ ok: z.literal(true) }) },
} as const;

export const chatBridgeEvents = {
  /** Someone is typing in a conversation (shown for a few seconds). */
  'chat.typing': z.object({ conversationId: EntityId, userId: EntityId, name: z.string().max(128) }),
  /** Presence of followed people changed. */
  'presence.changed': z.object({ presences: z.array(PresenceView) }),
} as const;

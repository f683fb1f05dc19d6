import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import type { ChatMessage, ChatPolicy, ConversationKind, MemberRole, ReadPosition } from '../../../shared/domain/chat/index.ts';

/**
 * Where chat lives, as the feature sees it: async, so an implementation on a networked database
 * (issue 23) fits the same services. SQLite's are `chat-store.ts` and `chat-policy-store.ts`; every
 * implementation passes `chat-repositories.contract.ts`. Writes run inside the caller's unit of work.
 */

export interface ConversationRow {
  id: string;
  kind: ConversationKind;
  title: string | null;
  created_by: string;
  created_at: number;
  last_seq: number;
}

export interface MemberRow {
  id: string;
  name: string;
  role: MemberRole;
  joined_seq: number;
  read_seq: number;
  muted: number;
}

export interface NewConversationRow {
  id: string;
  kind: ConversationKind;
  title: string | null;
  /** The pair's key for a direct conversation (one per pair); null otherwise. */
  directKey: string | null;
  createdBy: string;
  now: number;
}

export interface NewMessage {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  text: string;
  mentions: readonly string[];
  replyTo: string | null;
  attachments: readonly AttachmentRef[];
  sentAt: number;
  clientMessageId: string | null;
}

export interface ChatRepository {
  insertConversation(row: NewConversationRow): Promise<void>;
  /** The direct conversation of a pair, if there is one. */
  directConversation(directKey: string): Promise<string | null>;
  conversation(id: string): Promise<ConversationRow | null>;
  /** False when the person is a member already (nothing changes). */
  addMember(conversationId: string, userId: string, role: MemberRole, now: number, joinedSeq: number): Promise<boolean>;
  removeMember(conversationId: string, userId: string): Promise<void>;
  setRole(conversationId: string, userId: string, role: MemberRole): Promise<void>;
  /** Members in the order they joined (then by name). */
  members(conversationId: string): Promise<MemberRow[]>;
  membership(conversationId: string, userId: string): Promise<MemberRow | null>;
  memberCount(conversationId: string): Promise<number>;
  /** Takes the conversation's next message seq (gap-free per conversation) and marks it active at `now`. */
  nextSeq(conversationId: string, now: number): Promise<number>;
  touch(conversationId: string, now: number): Promise<void>;
  insertMessage(message: NewMessage): Promise<void>;
  /** The message as the wire shows it, with what it replies to. */
  message(id: string): Promise<ChatMessage | null>;
  lastMessage(conversationId: string): Promise<ChatMessage | null>;
  /** Every message one person sent, oldest first (their copy of their data). */
  sentBy(userId: string): Promise<ChatMessage[]>;
  /** Newest first, below `beforeSeq` and after `afterSeq` (where this member joined). */
  history(conversationId: string, beforeSeq: number, afterSeq: number, limit: number): Promise<ChatMessage[]>;
  edit(id: string, text: string, mentions: readonly string[], now: number): Promise<void>;
  /** A deleted message keeps its place (seq) but loses its words and files, also on the server. */
  erase(id: string, now: number): Promise<void>;
  /** Moves a read position forward; false when it was already there or beyond. */
  advanceRead(conversationId: string, userId: string, seq: number): Promise<boolean>;
  setMuted(conversationId: string, userId: string, muted: boolean): Promise<void>;
  readPositions(conversationId: string): Promise<ReadPosition[]>;
  /** Who sent the messages after `afterSeq` up to `upToSeq`. */
  sendersBetween(conversationId: string, afterSeq: number, upToSeq: number): Promise<string[]>;
  conversationCount(): Promise<number>;
  /** This person's conversations, most recently active first. */
  recentConversationIds(userId: string, limit: number): Promise<string[]>;
}

/** The admins' chat rules; a damaged stored value reads as the defaults. */
export interface ChatPolicyRepository {
  get(): Promise<ChatPolicy>;
  put(policy: ChatPolicy, adminId: string, now: number): Promise<ChatPolicy>;
}

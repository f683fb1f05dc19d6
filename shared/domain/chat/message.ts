import { z } from 'zod';
import { markdownPlainText } from '../markdown-text.ts';
import { userText } from '../safe-text.ts';
import { AttachmentRef } from '../approvals/request.ts';
import { EntityId, Instant } from '../ids.ts';

/** Longest message body, in characters (a long one is a document: attach it). */
export const CHAT_TEXT_MAX = 4000;
export const CHAT_ATTACHMENTS_MAX = 10;
export const CHAT_MENTIONS_MAX = 50;
/** How long after sending the sender may edit or delete a message. */
export const CHAT_EDIT_WINDOW_MS = 15 * 60_000;

/** The message a reply quotes, as it was when quoted (or marked deleted since). */
export const ReplyQuote = z.object({
  messageId: EntityId,
  seq: z.number().int().positive(),
  senderName: z.string().max(128),
  excerpt: z.string().max(200),
  deleted: z.boolean(),
});
export type ReplyQuote = z.infer<typeof ReplyQuote>;

/**
 * One message as it is now: an edit or a delete sends the whole message again (state, not a diff),
 * so applying it twice or late does no harm. `seq` orders messages within their conversation.
 */
export const ChatMessage = z.object({
  id: EntityId,
  conversationId: EntityId,
  seq: z.number().int().positive(),
  senderId: EntityId,
  senderName: z.string().max(128),
  text: z.string().max(CHAT_TEXT_MAX),
  mentions: z.array(EntityId).max(CHAT_MENTIONS_MAX),
  replyTo: ReplyQuote.nullable(),
  attachments: z.array(AttachmentRef).max(CHAT_ATTACHMENTS_MAX),
  sentAt: Instant,
  editedAt: Instant.nullable(),
  deleted: z.boolean(),
  /** The sender's actionId, so the sending device can replace its pending copy with this one. */
  clientMessageId: z.string().max(64).nullable(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** What a user may send: text (Markdown subset), mentions among the members, a reply, files already uploaded. */
export const ChatDraft = z.object({
  conversationId: EntityId,
  text: userText(CHAT_TEXT_MAX),
  mentions: z.array(EntityId).max(CHAT_MENTIONS_MAX).default([]),
  replyToId: EntityId.nullable().default(null),
  attachmentIds: z.array(EntityId).max(CHAT_ATTACHMENTS_MAX).default([]),
});
export type ChatDraft = z.infer<typeof ChatDraft>;

/** A message needs words or a file; whitespace alone is not a message. */
export function isEmptyDraft(draft: { text: string; attachmentIds: readonly string[] }): boolean {
  return draft.text.trim().length === 0 && draft.attachmentIds.length === 0;
}

/** A short plain line for lists, toasts and quotes: the rendered words, on one line. */
export function messageExcerpt(text: string, max = 120): string {
  const plain = markdownPlainText(text);
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : plain;
}

import { z } from 'zod';
import { ChatMessage, Conversation } from '../domain/chat/index.ts';
import { EntityId } from '../domain/ids.ts';

/** What chat puts in its members' logs. */
export const chatEvents = [
  /** A conversation this user is in, as it is now (created, renamed, members changed). */
  z.object({ kind: z.literal('chat.conversation'), conversation: Conversation }),
  /** A message, new or as edited or deleted since (the same message again replaces the old copy). */
  z.object({ kind: z.literal('chat.message'), message: ChatMessage }),
  /** A member read up to `seq` (this user on another device, or someone whose receipt this user sees). */
  z.object({ kind: z.literal('chat.read'), conversationId: EntityId, userId: EntityId, seq: z.number().int().nonnegative() }),
  /** This user muted or unmuted it (on any device). */
  z.object({ kind: z.literal('chat.muted'), conversationId: EntityId, muted: z.boolean() }),
  /** This user left the conversation or was removed from it. */
  z.object({ kind: z.literal('chat.left'), conversationId: EntityId }),
] as const;

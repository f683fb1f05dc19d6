import { z } from 'zod';
import { Role } from '../user.ts';
import { CONVERSATION_MEMBERS_MAX } from './conversation.ts';

/**
 * What admins decide about chat. By default nobody may create a group of the whole organisation,
 * and only the roles listed may create groups or channels larger than `largeGroupThreshold`.
 */
export const ChatPolicy = z.object({
  /** Groups and channels with more members than this are "large". */
  largeGroupThreshold: z.number().int().min(2).max(CONVERSATION_MEMBERS_MAX).default(50),
  /** Roles that may create (or grow) a large group or channel. */
  largeGroupRoles: z.array(Role).max(10).default(['admin', 'hr']),
  /** Roles that may create announcement channels. */
  channelRoles: z.array(Role).max(10).default(['admin', 'hr', 'publisher']),
  /** A group holding every active person: off by default (the field notes' "no company-wide chat group"). */
  allowOrganisationWideGroups: z.boolean().default(false),
});
export type ChatPolicy = z.infer<typeof ChatPolicy>;
export const DEFAULT_CHAT_POLICY: ChatPolicy = ChatPolicy.parse({});

import { defineFeature } from '../server-feature.ts';
import type { Chat } from './chat-module.ts';

/** The most recent conversations a new device gets in its snapshot (their messages come by history pages). */
export const SNAPSHOT_CONVERSATION_LIMIT = 200;

/** Chat on the server: conversations and messages for members; the chat policy for admins. */
export function chatFeature(chat: Chat) {
  return defineFeature({
    name: 'chat',
    methods: chat.methodHandlers(),
    snapshot: async (userId) => ({ conversations: await chat.conversations.mine(userId, SNAPSHOT_CONVERSATION_LIMIT) }),
    addRoutes(routes, access) {
      chat.addRoutes(routes, access.roles(['admin'], 'only admins change this'));
    },
    personalData: async (userId) => ({
      sent: (await chat.store.sentBy(userId)).map((m) => ({
        conversationId: m.conversationId,
        seq: m.seq,
        text: m.deleted ? null : m.text,
        attachments: m.attachments.map((a) => a.name),
        sentAt: m.sentAt,
        editedAt: m.editedAt,
        deleted: m.deleted,
      })),
    }),
  });
}

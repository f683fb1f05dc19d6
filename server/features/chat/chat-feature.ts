import { defineFeature } from '../server-feature.ts';
import type { Chat } from './chat-module.ts';

/** Chat on the server: conversations and messages for members; the chat policy for admins. */
export function chatFeature(chat: Chat) {
  return defineFeature({
    name: 'chat',
    methods: chat.methodHandlers(),
    addRoutes(routes, access) {
      chat.addRoutes(routes, access.roles(['admin'], 'only admins change this'));
    },
    personalData: (userId) => ({
      sent: chat.store.sentBy(userId).map((m) => ({
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

import type { Appliers, KindsOf } from '../../cache/event-appliers.ts';
import type { ChatCache } from './chat-cache.ts';

/** Chat events into the chat cache. */
export const chatAppliers = (chat: ChatCache) =>
  ({
    'chat.conversation': (event) => {
      chat.upsertConversation(event.conversation);
      return 'chat';
    },
    'chat.message': (event) => {
      chat.upsertMessage(event.message);
      return 'chat';
    },
    'chat.read': (event) => {
      chat.setRead(event.conversationId, event.userId, event.seq);
      return 'chat';
    },
    'chat.muted': (event) => {
      chat.setMuted(event.conversationId, event.muted);
      return 'chat';
    },
    'chat.left': (event) => {
      chat.remove(event.conversationId);
      return 'chat';
    },
  }) satisfies Appliers<KindsOf<'chat'>>;

import { defineCoreFeature } from '../core-feature.ts';
import { chatAppliers } from './chat-appliers.ts';
import { chatHandlers } from './chat-handlers.ts';
import { planChatToasts } from './chat-toasts.ts';

/** Chat in core: cached conversations and messages, new messages as toasts, sending and history. */
export const chatFeature = defineCoreFeature({
  name: 'chat',
  appliers: (cache) => chatAppliers(cache.chat),
  snapshot: (cache, snapshot) => cache.chat.replaceConversations(snapshot.conversations),
  toasts: (events, { cache, me, now, t, viewingConversation }) =>
    planChatToasts(events, cache.chat, me, now, t, viewingConversation),
  handlers: (ctx) =>
    chatHandlers({
      session: ctx.session,
      act: ctx.act,
      clock: ctx.clock,
      changed: () => ctx.changed('chat', { withHome: true }),
      viewing: ctx.viewing,
    }),
});

import type { IncomingMessage } from 'node:http';
import { ChatPolicy } from '../../../shared/domain/chat/index.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { Signal } from '../../../shared/protocol/signals.ts';
import { type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { MethodHandlers } from '../../gateway/method-router.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { ChatPolicyStore } from './chat-policy-store.ts';
import { ChatStore } from './chat-store.ts';
import { ConversationService } from './conversation-service.ts';
import { MessageService } from './message-service.ts';

export type Chat = ReturnType<typeof createChat>;

/** Wires conversations, messages and the admins' chat policy. */
export function createChat(
  db: Db,
  deps: {
    gate: WriteGate;
    directory: DirectoryStore;
    attachments: AttachmentStore;
    clock: Clock;
    signal: (userIds: readonly string[], signal: Signal) => void;
  },
) {
  const store = new ChatStore(db);
  const policy = new ChatPolicyStore(db);
  const base = { gate: deps.gate, store, policy, directory: deps.directory, clock: deps.clock };
  const conversations = new ConversationService(base);
  const messages = new MessageService({ ...base, conversations, attachments: deps.attachments, signal: deps.signal });
  return {
    store,
    policy,
    conversations,
    messages,
    methodHandlers(): Pick<MethodHandlers, Extract<keyof MethodHandlers, `chat.${string}`>> {
      return {
        'chat.create': (ctx, p) => conversations.create(ctx.userId, p),
        'chat.send': (ctx, p) => messages.send(ctx.userId, p, ctx.actionId ?? null),
        'chat.edit': (ctx, p) => messages.edit(ctx.userId, p.messageId, p.text, p.mentions),
        'chat.delete': (ctx, p) => messages.delete(ctx.userId, p.messageId),
        'chat.markRead': (ctx, p) => messages.markRead(ctx.userId, p.conversationId, p.seq),
        'chat.mute': (ctx, p) => conversations.mute(ctx.userId, p.conversationId, p.muted),
        'chat.addMembers': (ctx, p) => conversations.addMembers(ctx.userId, p.conversationId, p.memberIds),
        'chat.leave': (ctx, p) => conversations.leave(ctx.userId, p.conversationId),
        'chat.history': (ctx, p) => messages.history(ctx.userId, p.conversationId, p.beforeSeq, p.limit),
        'chat.receipts': (ctx, p) => messages.receipts(ctx.userId, p.conversationId),
        'chat.typing': (ctx, p) => messages.typing(ctx.userId, p.conversationId),
        'chat.policy': (ctx) => conversations.policyFor(ctx.userId),
      };
    },
    addRoutes(routes: HttpRoutes, authenticateAdmin: (req: IncomingMessage) => Promise<string>): void {
      routes
        .add('GET', '/api/admin/chat/policy', async (req, res) => {
          await authenticateAdmin(req);
          sendJson(res, 200, await policy.get());
        })
        .add('PUT', '/api/admin/chat/policy', async (req, res) => {
          const adminId = await authenticateAdmin(req);
          const next = await readJson(req, ChatPolicy);
          sendJson(res, 200, await deps.gate.transaction(() => policy.put(next, adminId, deps.clock.now())));
        });
    },
  };
}

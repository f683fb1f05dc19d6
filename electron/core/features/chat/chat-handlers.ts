import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import type { ActionOutcome } from '../../../../shared/bridge/views.ts';
import type { ConversationDetail } from '../../../../shared/bridge/chat-views.ts';
import { type ChatMessage, isEmptyDraft, mayPost } from '../../../../shared/domain/chat/index.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { conversationTitle } from './conversation-title.ts';
import { type Act, describeResult } from '../../sync/action-outcome.ts';

type ChatHandlers = Pick<
  BridgeHandlers,
  | 'chat.list'
  | 'chat.open'
  | 'chat.messages'
  | 'chat.send'
  | 'chat.discard'
  | 'chat.edit'
  | 'chat.delete'
  | 'chat.markRead'
  | 'chat.mute'
  | 'chat.create'
  | 'chat.addMembers'
  | 'chat.leave'
  | 'chat.typing'
  | 'chat.viewing'
  | 'chat.search'
  | 'chat.policy'
>;

export interface ChatHandlerContext {
  session(): SignedInSession | null;
  act: Act;
  clock: Clock;
  /** The cache changed here (a pending message, a read): views refetch. */
  changed(): void;
  /** The conversation on screen, so its messages raise no toast. */
  viewing(conversationId: string | null): void;
}

/** "Typing" goes out at most this often per conversation. */
const TYPING_EVERY_MS = 3000;

/**
 * The bridge's chat calls. Everything reads the cache, so chat works offline; writes go through the
 * outbox (in order, once each) and show at once as pending; history is fetched page by page.
 */
export function chatHandlers(ctx: ChatHandlerContext): ChatHandlers {
  const online = (s: SignedInSession | null): s is SignedInSession => s !== null && s.sync.state === 'online';
  const lastTyping = new Map<string, number>();
  const signedOut: ActionOutcome = { status: 'failed', code: 'signed_out', message: 'sign in first' };

  /** Fetches the page below `beforeSeq` from the server into the cache; notes where history starts. */
  const fetchPage = async (s: SignedInSession, conversationId: string, beforeSeq: number | null, top: number, limit: number) => {
    const page = await s.sync.request('chat.history', { conversationId, beforeSeq, limit });
    if (ctx.session() !== s) throw new Error('signed out meanwhile');
    s.cache.db.transaction(() => {
      for (const message of page.messages) s.cache.chat.upsertMessage(message);
      // The floor: no message at or below it exists for this user (history is newest first).
      if (!page.hasMore) s.cache.chat.setHistoryFloor(conversationId, (page.messages.at(-1)?.seq ?? top + 1) - 1);
    })();
  };

  return {
    'chat.list': async () => ctx.session()?.cache.chat.list() ?? [],
    'chat.open': async ({ conversationId }) => {
      const s = ctx.session();
      const cached = s?.cache.chat.get(conversationId);
      if (!s || !cached) return null;
      if (online(s)) {
        try {
          const reads = await s.sync.request('chat.receipts', { conversationId });
          if (ctx.session() !== s) return null;
          s.cache.chat.replaceReads(conversationId, reads);
        } catch {
          // The receipts last heard stay; the live ones follow as events.
        }
      }
      const { conversation } = cached;
      const me = conversation.members.find((m) => m.id === s.user.id);
      const detail: ConversationDetail = {
        id: conversation.id,
        kind: conversation.kind,
        title: conversationTitle(conversation, s.user.id),
        givenTitle: conversation.title,
        otherUserId: conversation.kind === 'direct' ? (conversation.members.find((m) => m.id !== s.user.id)?.id ?? null) : null,
        members: conversation.members,
        myRole: me?.role ?? 'member',
        mayPost: mayPost(conversation.kind, me?.role ?? 'member'),
        muted: cached.muted,
        myReadSeq: cached.myReadSeq,
        lastSeq: conversation.lastSeq,
        reads: s.cache.chat.reads(conversationId),
      };
      return detail;
    },
    'chat.messages': async ({ conversationId, beforeSeq = null, limit = 50 }) => {
      const s = ctx.session();
      if (!s) return { messages: [], hasMore: false, pending: [] };
      let messages = s.cache.chat.page(conversationId, beforeSeq, limit);
      const cached = s.cache.chat.get(conversationId);
      const top = beforeSeq === null ? (cached?.conversation.lastSeq ?? 0) : beforeSeq - 1;
      if (online(s) && cached && !isComplete(messages, top, limit, cached.historyFloor)) {
        try {
          await fetchPage(s, conversationId, beforeSeq, top, limit);
          messages = s.cache.chat.page(conversationId, beforeSeq, limit);
        } catch {
          // Offline or refused: show what the cache holds.
        }
        if (ctx.session() !== s) return { messages: [], hasMore: false, pending: [] };
      }
      const floor = s.cache.chat.get(conversationId)?.historyFloor ?? 0;
      const lowest = messages[0]?.seq ?? top + 1;
      return {
        messages,
        hasMore: lowest > floor + 1 && lowest > 1,
        pending: beforeSeq === null ? s.cache.chat.pending(conversationId) : [],
      };
    },
    'chat.send': async ({ conversationId, text, mentions = [], replyToId = null, attachments = [] }) => {
      const s = ctx.session();
      if (!s) return signedOut;
      if (isEmptyDraft({ text, attachmentIds: attachments.map((a) => a.id) })) {
        return { status: 'failed', code: 'invalid_params', message: 'a message needs text or a file' };
      }
      return ctx.act((session) =>
        session.cache.db.transaction(() => {
          const item = session.sync.enqueue('chat.send', {
            conversationId,
            text,
            mentions,
            replyToId,
            attachmentIds: attachments.map((a) => a.id),
          });
          session.cache.chat.addPending(item.actionId, {
            conversationId,
            text,
            replyToId,
            attachments,
            createdAt: ctx.clock.now(),
          });
          ctx.changed();
          return item;
        })(),
      );
    },
    'chat.discard': async ({ actionId }) => {
      ctx.session()?.cache.chat.removePending(actionId);
      ctx.changed();
      return { ok: true };
    },
    'chat.edit': async ({ messageId, text, mentions = [] }) =>
      ctx.act((s) => s.sync.enqueue('chat.edit', { messageId, text, mentions })),
    'chat.delete': async ({ messageId }) => ctx.act((s) => s.sync.enqueue('chat.delete', { messageId })),
    'chat.markRead': async ({ conversationId, seq }) => {
      const s = ctx.session();
      const cached = s?.cache.chat.get(conversationId);
      if (!s || !cached) return signedOut;
      if (seq <= cached.myReadSeq) return { status: 'done' };
      return ctx.act((session) => {
        // The badge drops at once, offline too; the server's event confirms it on every device.
        session.cache.chat.setRead(conversationId, session.user.id, seq);
        ctx.changed();
        return session.sync.enqueue('chat.markRead', { conversationId, seq });
      });
    },
    'chat.mute': async ({ conversationId, muted }) =>
      ctx.act((s) => {
        s.cache.chat.setMuted(conversationId, muted);
        ctx.changed();
        return s.sync.enqueue('chat.mute', { conversationId, muted });
      }),
    'chat.create': async (params) =>
      ctx.act(
        (s) => s.sync.enqueue('chat.create', params),
        describeResult('chat.create', ({ conversationId }) => ({ conversationId })),
      ),
    'chat.addMembers': async (params) => ctx.act((s) => s.sync.enqueue('chat.addMembers', params)),
    'chat.leave': async ({ conversationId }) => ctx.act((s) => s.sync.enqueue('chat.leave', { conversationId })),
    'chat.viewing': async ({ conversationId }) => {
      ctx.viewing(conversationId);
      return { ok: true };
    },
    'chat.typing': async ({ conversationId }) => {
      const s = ctx.session();
      const now = ctx.clock.now();
      if (!online(s) || now - (lastTyping.get(conversationId) ?? -Infinity) < TYPING_EVERY_MS) return { ok: true };
      lastTyping.set(conversationId, now);
      s.sync.request('chat.typing', { conversationId }).catch(() => undefined);
      return { ok: true };
    },
    'chat.search': async ({ query, conversationId = null }) => {
      const s = ctx.session();
      if (!s) return { hits: [], tookMs: 0 };
      const started = performance.now();
      const hits = s.cache.chatSearch.search(query, conversationId);
      return { hits, tookMs: Math.round((performance.now() - started) * 100) / 100 };
    },
    'chat.policy': async () => {
      const s = ctx.session();
      if (!online(s)) return null;
      try {
        return await s.sync.request('chat.policy', {});
      } catch {
        return null;
      }
    },
  };
}

/** The page holds every message from `top` down (no hole), or reaches where history starts. */
function isComplete(messages: readonly ChatMessage[], top: number, limit: number, floor: number): boolean {
  if (top <= floor) return true;
  if (messages.length === 0) return false;
  if (messages.at(-1)!.seq !== top) return false;
  for (let i = 1; i < messages.length; i += 1) if (messages[i]!.seq !== messages[i - 1]!.seq + 1) return false;
  return messages.length >= limit || messages[0]!.seq <= floor + 1;
}

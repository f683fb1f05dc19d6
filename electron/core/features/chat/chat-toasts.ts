import type { TFunction } from 'i18next';
import type { ToastView } from '../../../../shared/bridge/views.ts';
import { type ChatMessage, messageExcerpt } from '../../../../shared/domain/chat/index.ts';
import type { UserEvent } from '../../../../shared/protocol/events.ts';
import type { ChatCache } from './chat-cache.ts';
import { conversationTitle } from './conversation-title.ts';

/** Older messages arriving in a replay after a long time offline go to the badge, not a toast each. */
const FRESH_MS = 5 * 60_000;

/**
 * One toast per conversation per batch: new messages from others, not yet read on another device,
 * in conversations that are not muted and not on screen. A mention of this user comes through a mute.
 */
export function planChatToasts(
  events: readonly UserEvent[],
  chat: ChatCache,
  me: string,
  now: number,
  t: TFunction,
  viewing: string | null = null,
): ToastView[] {
  const fresh = new Map<string, ChatMessage[]>();
  for (const event of events) {
    if (event.kind !== 'chat.message') continue;
    const m = event.message;
    if (m.senderId === me || m.deleted || m.editedAt !== null || now - m.sentAt > FRESH_MS) continue;
    const list = fresh.get(m.conversationId) ?? [];
    if (!list.some((x) => x.id === m.id)) list.push(m);
    fresh.set(m.conversationId, list);
  }
  const toasts: ToastView[] = [];
  for (const [conversationId, messages] of fresh) {
    const cached = chat.get(conversationId);
    // The conversation is on screen: the reader sees it arrive.
    if (!cached || conversationId === viewing) continue;
    const unread = messages.filter((m) => m.seq > cached.myReadSeq);
    const mentioned = unread.some((m) => m.mentions.includes(me));
    if (unread.length === 0 || (cached.muted && !mentioned)) continue;
    const last = unread[unread.length - 1]!;
    const title = conversationTitle(cached.conversation, me);
    const line = messageExcerpt(last.text, 200) || last.attachments.map((a) => a.name).join(', ');
    const direct = cached.conversation.kind === 'direct';
    toasts.push({
      id: `chat:${conversationId}:${last.seq}`,
      kind: 'chat.message',
      title: mentioned
        ? t('toast.chatMention', { name: last.senderName, title })
        : direct
          ? title
          : t('toast.chatIn', { name: last.senderName, title }),
      body: unread.length > 1 ? t('toast.chatMany', { count: unread.length, line }) : line,
      route: `chat/${conversationId}`,
      taskId: null,
      actions: [],
    });
  }
  return toasts;
}

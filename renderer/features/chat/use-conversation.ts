import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationDetail, PendingMessage } from '../../../shared/bridge/chat-views.ts';
import type { ChatMessage } from '../../../shared/domain/chat/index.ts';
import { portico } from '../../bridge/portico.ts';

const PAGE = 50;
/** Scrolling back loads bigger pages: fewer round trips through a long history. */
const OLDER_PAGE = 100;

/**
 * One open conversation: its detail (members, receipts), the messages loaded so far (oldest first),
 * pending ones, and older pages on demand. Core's changes are merged in by seq.
 */
export function useConversation(conversationId: string) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const current = useRef(conversationId);
  const firstLoad = useRef(true);

  const merge = useCallback((incoming: readonly ChatMessage[]) => {
    setMessages((prev) => {
      const bySeq = new Map(prev.map((m) => [m.seq, m]));
      for (const m of incoming) bySeq.set(m.seq, m);
      return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    });
  }, []);

  const refresh = useCallback(async () => {
    const id = conversationId;
    const [nextDetail, page] = await Promise.all([
      portico.call('chat.open', { conversationId: id }),
      portico.call('chat.messages', { conversationId: id, beforeSeq: null, limit: PAGE }),
    ]);
    if (current.current !== id) return;
    setDetail(nextDetail);
    merge(page.messages);
    setPending(page.pending);
    // Later refreshes bring the newest page; whether older ones exist was settled by paging.
    if (firstLoad.current) setHasMore(page.hasMore);
    firstLoad.current = false;
  }, [conversationId, merge]);

  useEffect(() => {
    // The view is keyed by conversation, so a new conversation starts from fresh state.
    current.current = conversationId;
    firstLoad.current = true;
    void refresh();
    return portico.on('data.changed', ({ features }) => {
      if (features.includes('chat')) void refresh();
    });
  }, [conversationId, refresh]);

  const loadOlder = useCallback(async () => {
    const first = messages[0];
    if (!first || loadingOlder || !hasMore) return 0;
    setLoadingOlder(true);
    try {
      const page = await portico.call('chat.messages', { conversationId, beforeSeq: first.seq, limit: OLDER_PAGE });
      if (current.current !== conversationId) return 0;
      merge(page.messages);
      setHasMore(page.hasMore);
      return page.messages.length;
    } finally {
      setLoadingOlder(false);
    }
  }, [messages, loadingOlder, hasMore, conversationId, merge]);

  return { detail, messages, pending, hasMore, loadingOlder, loadOlder, refresh };
}

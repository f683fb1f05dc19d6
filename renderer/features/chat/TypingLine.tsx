import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../app/format.ts';
import { portico } from '../../bridge/portico.ts';

const SHOWN_MS = 6000;

/** "王芳 is typing…" for a few seconds after each signal. */
export function TypingLine({
  conversationId,
  names,
  lastMessage,
}: {
  conversationId: string;
  names: ReadonlyMap<string, string>;
  /** The newest message: once it is on screen, its sender is no longer "typing" it. */
  lastMessage: { seq: number; senderId: string } | null;
}) {
  const { t, i18n } = useTranslation();
  /** Who signalled typing: when, and the newest message on screen at that moment. */
  const [typing, setTyping] = useState<Map<string, { at: number; afterSeq: number }>>(new Map());
  const lastSeq = lastMessage?.seq ?? 0;
  const seqNow = useRef(lastSeq);
  useEffect(() => {
    seqNow.current = lastSeq;
  }, [lastSeq]);
  useEffect(() => {
    const off = portico.on('chat.typing', (signal) => {
      if (signal.conversationId !== conversationId) return;
      setTyping((prev) => new Map(prev).set(signal.userId, { at: Date.now(), afterSeq: seqNow.current }));
    });
    const timer = setInterval(() => {
      setTyping((prev) => {
        const now = Date.now();
        const next = new Map([...prev].filter(([, signal]) => now - signal.at < SHOWN_MS));
        return next.size === prev.size ? prev : next;
      });
    }, 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [conversationId]);
  // A message that arrived after someone's typing signal is what they were typing: the line clears at once.
  const who = [...typing]
    .filter(([userId, signal]) => !(lastMessage && lastMessage.senderId === userId && lastMessage.seq > signal.afterSeq))
    .map(([userId]) => names.get(userId) ?? '');
  return (
    <div className="typing-line muted small" aria-live="polite" data-testid="typing">
      {who.length > 0 ? t('chat.typing', { names: formatList(who, i18n.language), count: who.length }) : ' '}
    </div>
  );
}

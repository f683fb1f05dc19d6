import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const [typing, setTyping] = useState<Map<string, number>>(new Map());
  const lastSeq = lastMessage?.seq ?? 0;
  const lastSender = lastMessage?.senderId ?? null;
  useEffect(() => {
    if (lastSender === null) return;
    setTyping((prev) => {
      if (!prev.has(lastSender)) return prev;
      const next = new Map(prev);
      next.delete(lastSender);
      return next;
    });
  }, [lastSeq, lastSender]);
  useEffect(() => {
    const off = portico.on('chat.typing', (signal) => {
      if (signal.conversationId !== conversationId) return;
      setTyping((prev) => new Map(prev).set(signal.userId, Date.now()));
    });
    const timer = setInterval(() => {
      setTyping((prev) => {
        const now = Date.now();
        const next = new Map([...prev].filter(([, at]) => now - at < SHOWN_MS));
        return next.size === prev.size ? prev : next;
      });
    }, 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [conversationId]);
  const who = [...typing.keys()].map((id) => names.get(id) ?? '');
  return (
    <div className="typing-line muted small" aria-live="polite" data-testid="typing">
      {who.length > 0 ? t('chat.typing', { names: who.join(', '), count: who.length }) : ' '}
    </div>
  );
}

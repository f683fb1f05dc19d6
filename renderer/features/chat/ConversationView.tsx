import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingMessage } from '../../../shared/bridge/chat-views.ts';
import type { ChatMessage } from '../../../shared/domain/chat/index.ts';
import { portico } from '../../bridge/portico.ts';
import { useNow } from '../../app/use-now.ts';
import { Avatar } from '../presence/PresenceDot.tsx';
import { presenceLine } from '../presence/presence-text.ts';
import { usePresence } from '../presence/use-presence.ts';
import { chatError } from './chat-errors.ts';
import { Composer } from './Composer.tsx';
import { MessageBubble, type Receipt } from './MessageBubble.tsx';
import { MessageList } from './MessageList.tsx';
import { TypingLine } from './TypingLine.tsx';
import { useConversation } from './use-conversation.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';

type Row = { kind: 'message'; message: ChatMessage } | { kind: 'pending'; pending: PendingMessage };

/** An open conversation: header, the virtualised messages with receipts, who is typing, and the composer. */
export function ConversationView({ conversationId, me }: { conversationId: string; me: string }) {
  const { t, i18n } = useTranslation();
  const { detail, messages, pending, loadOlder } = useConversation(conversationId);
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [editing, setEditing] = useState<ChatMessage | null>(null);
  const [readers, setReaders] = useState<ChatMessage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const presence = usePresence(detail?.otherUserId ? [detail.otherUserId] : []);
  const now = useNow();

  const rows = useMemo<Row[]>(
    () => [
      ...messages.map((message) => ({ kind: 'message' as const, message })),
      ...pending.map((p) => ({ kind: 'pending' as const, pending: p })),
    ],
    [messages, pending],
  );
  const lastSeq = messages.at(-1)?.seq ?? 0;
  const followKey = `${lastSeq}:${pending.length}`;
  const markRead = useCallback(() => {
    if (lastSeq > 0 && document.visibilityState === 'visible')
      void portico.call('chat.markRead', { conversationId, seq: lastSeq });
  }, [conversationId, lastSeq]);
  useEffect(() => {
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [markRead]);
  // While this conversation is on screen its messages raise no toast.
  useEffect(() => {
    const say = () =>
      void portico.call('chat.viewing', { conversationId: document.visibilityState === 'visible' ? conversationId : null });
    say();
    document.addEventListener('visibilitychange', say);
    return () => {
      document.removeEventListener('visibilitychange', say);
      void portico.call('chat.viewing', { conversationId: null });
    };
  }, [conversationId]);

  const names = useMemo(() => new Map(detail?.members.map((m) => [m.id, m.name]) ?? []), [detail]);
  const receiptFor = (message: ChatMessage): Receipt | null => {
    if (!detail || message.senderId !== me) return null;
    const others = detail.members.filter((m) => m.id !== me);
    const readBy = detail.reads.filter((r) => r.userId !== me && r.seq >= message.seq).map((r) => r.userId);
    return { readBy, of: others.length };
  };
  const moderator = detail?.kind !== 'direct' && (detail?.myRole === 'owner' || detail?.myRole === 'admin');
  const act = async (call: Promise<{ status: string }>) => {
    const outcome = await call;
    if (outcome.status === 'failed') setProblem(chatError(outcome as Parameters<typeof chatError>[0], t));
  };

  if (!detail) return <div className="conversation empty muted">{t('chat.loading')}</div>;
  const other = detail.otherUserId ? presence.get(detail.otherUserId) : undefined;
  return (
    <div className="conversation" data-testid="conversation">
      <header className="conversation-header">
        <Avatar name={detail.title} presence={detail.otherUserId ? other : undefined} />
        <div className="who">
          <h2 dir="auto">{detail.title}</h2>
          <span className="muted small">
            {detail.otherUserId
              ? presenceLine(other, t, i18n.language, now)
              : t(`chat.kind.${detail.kind}`, { count: detail.members.length })}
          </span>
        </div>
        <Button variant="link" onClick={() => void act(portico.call('chat.mute', { conversationId, muted: !detail.muted }))}>
          {detail.muted ? t('chat.unmute') : t('chat.mute')}
        </Button>
        {detail.kind !== 'direct' && (
          <Button variant="link" onClick={() => void act(portico.call('chat.leave', { conversationId }))}>
            {t('chat.leave')}
          </Button>
        )}
      </header>
      {problem && (
        <p className="error small" role="alert">
          {problem}
        </p>
      )}
      <MessageList<Row>
        items={rows}
        label={t('chat.messagesLabel', { title: detail.title })}
        getKey={(row) => (row.kind === 'message' ? row.message.id : row.pending.actionId)}
        followKey={followKey}
        onNearTop={loadOlder}
        onAtBottom={markRead}
        renderRow={(row, index) => {
          if (row.kind === 'pending') {
            const p = row.pending;
            return (
              <div className="message mine pending" data-testid="pending-message">
                <div className="bubble">
                  <div className="chat-text" dir="auto">
                    {p.text}
                  </div>
                  <div className="message-meta">
                    {p.failed ? (
                      <>
                        <span className="error">{chatError(p.failed, t)}</span>{' '}
                        <Button variant="link" onClick={() => void portico.call('chat.discard', { actionId: p.actionId })}>
                          {t('chat.discard')}
                        </Button>
                      </>
                    ) : (
                      t('chat.sending')
                    )}
                  </div>
                </div>
              </div>
            );
          }
          const previous = rows[index - 1];
          const m = row.message;
          return (
            <MessageBubble
              message={m}
              mine={m.senderId === me}
              groupStart={previous?.kind !== 'message' || previous.message.senderId !== m.senderId}
              receipt={receiptFor(m)}
              moderator={moderator}
              now={now}
              onReply={setReplyTo}
              onEdit={setEditing}
              onDelete={(target) => void act(portico.call('chat.delete', { messageId: target.id }))}
              onShowReaders={setReaders}
            />
          );
        }}
      />
      {readers && (
        <Dialog
          title={t('chat.readersTitle')}
          onClose={() => setReaders(null)}
          actions={
            <Button variant="secondary" onClick={() => setReaders(null)}>
              {t('common.close')}
            </Button>
          }
        >
          <ul className="readers">
            {detail.members
              .filter((m) => m.id !== me)
              .map((m) => {
                const read = detail.reads.some((r) => r.userId === m.id && r.seq >= readers.seq);
                return (
                  <li key={m.id} className={read ? '' : 'muted'}>
                    <UserText>{m.name}</UserText> · {read ? t('chat.read') : t('chat.unread')}
                  </li>
                );
              })}
          </ul>
        </Dialog>
      )}
      <TypingLine
        key={conversationId}
        conversationId={conversationId}
        names={names}
        lastMessage={messages.at(-1) ? { seq: messages.at(-1)!.seq, senderId: messages.at(-1)!.senderId } : null}
      />
      <Composer
        key={`${conversationId}:${editing?.id ?? 'new'}`}
        conversationId={conversationId}
        members={detail.members}
        me={me}
        replyTo={replyTo}
        editing={editing}
        onCancelReply={() => {
          setReplyTo(null);
          setEditing(null);
        }}
        onSent={() => {
          setReplyTo(null);
          setEditing(null);
        }}
        disabledReason={detail.mayPost ? null : t('chat.readOnly')}
      />
    </div>
  );
}

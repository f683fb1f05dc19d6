import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatSearchHit, ConversationListItem } from '../../../shared/bridge/chat-views.ts';
import { portico } from '../../bridge/portico.ts';
import { formatTime } from '../../app/format.ts';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { Avatar } from '../presence/PresenceDot.tsx';
import { usePresence } from '../presence/use-presence.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { Badge } from '../../ui/Badge.tsx';

const ROW_HEIGHT = 64;

/** The conversations, newest activity first, with a search over every cached message. */
export function ConversationList({
  items,
  selectedId,
  onSelect,
  onNew,
}: {
  items: readonly ConversationListItem[];
  selectedId: string | null;
  onSelect: (id: string, seq?: number) => void;
  onNew: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const [hits, setHits] = useState<{ hits: ChatSearchHit[]; tookMs: number } | null>(null);
  const presence = usePresence(items.flatMap((c) => (c.otherUserId ? [c.otherUserId] : [])).slice(0, 200));
  useEffect(() => {
    if (deferred === '') return;
    let alive = true;
    void portico.call('chat.search', { query: deferred, conversationId: null }).then((found) => alive && setHits(found));
    return () => {
      alive = false;
    };
  }, [deferred]);
  return (
    <aside className="conversation-list">
      <div className="row">
        <SearchField label={t('chat.search')} value={query} onChange={setQuery} />
        <Button variant="secondary" onClick={onNew}>
          {t('chat.new')}
        </Button>
      </div>
      {hits && deferred !== '' ? (
        <div className="search-hits" role="region" aria-label={t('chat.searchResults')}>
          <p className="muted small" role="status">
            {t('chat.hits', { count: hits.hits.length })}
          </p>
          <ul>
            {hits.hits.map((hit) => (
              <li key={hit.messageId}>
                <Button variant="link" className="search-hit" onClick={() => onSelect(hit.conversationId, hit.seq)}>
                  <strong dir="auto">{hit.conversationTitle}</strong> · <UserText>{hit.senderName}</UserText>
                  <span className="line" dir="auto">
                    {hit.excerpt}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : items.length === 0 ? (
        <p className="muted">{t('chat.none')}</p>
      ) : (
        <VirtualList<ConversationListItem>
          items={items}
          rowHeight={ROW_HEIGHT}
          getKey={(c) => c.id}
          label={t('chat.conversations')}
          selectedKey={selectedId}
          renderRow={(c) => (
            <button
              className={`conversation-row ${c.unread > 0 && !c.muted ? 'unread' : ''}`}
              onClick={() => onSelect(c.id)}
              aria-current={c.id === selectedId ? 'true' : undefined}
              data-testid="conversation-row"
            >
              <Avatar name={c.title} presence={c.otherUserId ? presence.get(c.otherUserId) : undefined} />
              <span className="who">
                <span className="title-line">
                  <strong dir="auto">{c.title}</strong>
                  {c.lastMessage && <time className="muted small">{formatTime(c.lastMessage.sentAt, i18n.language)}</time>}
                </span>
                <span className="line" dir="auto">
                  {c.lastMessage
                    ? c.lastMessage.deleted
                      ? t('chat.deletedMessage')
                      : `${c.kind === 'direct' || c.lastMessage.mine ? '' : `${c.lastMessage.senderName}: `}${c.lastMessage.excerpt}`
                    : t(`chat.kind.${c.kind}`, { count: c.memberCount })}
                </span>
              </span>
              {c.mentioned && (
                <Badge tone="warn" label={t('chat.mentioned')}>
                  @
                </Badge>
              )}
              {c.unread > 0 && (
                <Badge tone={c.muted ? 'quiet' : 'accent'} label={t('chat.unreadCount', { count: c.unread })}>
                  {c.unread}
                </Badge>
              )}
              {c.muted && <span className="muted small">{t('chat.muted')}</span>}
            </button>
          )}
        />
      )}
    </aside>
  );
}

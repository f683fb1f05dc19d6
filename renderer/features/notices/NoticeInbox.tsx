import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation.tsx';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { NoticeDetail } from './NoticeDetail.tsx';
import { NoticeRow } from './NoticeRow.tsx';
import { keepOrder } from './stable-order.ts';
import { useCall } from './use-notices.ts';
import { SearchField } from '../../ui/SearchField.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';

type Filter = 'all' | 'unread' | 'required';
const ROW_HEIGHT = 64;

/** Every notice addressed to me: filters, search over titles and bodies (offline too), and the one open. */
export function NoticeInbox({ now }: { now: number }) {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const { value: fromCore } = useCall('notices.list', { filter, query: deferredQuery }, 'notices');
  // Reading a notice re-sorts core's answer (unread first): the page keeps what the reader saw.
  const listKey = `${filter}\u0000${deferredQuery}`;
  const [seen, setSeen] = useState<{ key: string; from: typeof fromCore; ids: readonly string[] }>({
    key: '',
    from: undefined,
    ids: [],
  });
  const notices = fromCore && keepOrder(seen.key === listKey ? seen.ids : [], fromCore);
  if (fromCore !== seen.from) setSeen({ key: listKey, from: fromCore, ids: notices?.map((n) => n.id) ?? [] });
  const selected = route.itemId && route.itemId.startsWith('n_') ? route.itemId : null;
  return (
    <div className="approvals-split">
      <div className="inbox-column">
        <div className="notice-filters">
          <SearchField label={t('notices.search')} value={query} maxLength={200} onChange={setQuery} />
          <div className="tabs" role="tablist" aria-label={t('notices.filter')}>
            {(['all', 'unread', 'required'] as const).map((key) => (
              <button
                key={key}
                role="tab"
                aria-selected={filter === key}
                className={filter === key ? 'tab active' : 'tab'}
                onClick={() => setFilter(key)}
              >
                {t(`notices.filters.${key}`)}
              </button>
            ))}
          </div>
        </div>
        {notices === undefined ? null : notices.length === 0 ? (
          <EmptyState title={deferredQuery ? t('notices.noMatch', { query: deferredQuery }) : t('notices.empty')} />
        ) : (
          <VirtualList
            items={notices}
            rowHeight={ROW_HEIGHT}
            label={t('notices.title')}
            getKey={(notice) => notice.id}
            selectedKey={selected}
            renderRow={(notice) => <NoticeRow notice={notice} now={now} onOpen={(id) => navigate(`notices/${id}`)} />}
          />
        )}
      </div>
      <div className="detail-column">
        {selected ? <NoticeDetail key={selected} noticeId={selected} now={now} /> : <EmptyState title={t('notices.pick')} />}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedNotice } from '../../../shared/domain/notices/index.ts';
import { formatDateTime } from '../../app/format.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { NoticeReach } from './NoticeReach.tsx';
import { PublishForm } from './PublishForm.tsx';
import { useCall } from './use-notices.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';

const ROW_HEIGHT = 64;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** What I published (HR and admins: everyone's), each with its reach; one open with live numbers. */
export function SentNotices({ selectedId }: { selectedId: string | null }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const { value: sent, reload } = useCall('notices.published', {}, 'notices');
  const compose = useCoreView('notices.composeOptions');
  const [editing, setEditing] = useState<PublishedNotice | null>(null);
  if (sent === undefined) return null;
  if (sent === null) return <EmptyState title={t('notices.offline')} />;
  const selected = sent.find((n) => n.id === selectedId) ?? null;
  const row = (notice: PublishedNotice) => {
    const done = notice.requiresAck ? notice.reach.acknowledged : notice.reach.read;
    return (
      <button className="inbox-row" onClick={() => navigate(`notices/sent:${notice.id}`)} data-testid={`sent-row-${notice.id}`}>
        <span className="inbox-row-head">
          {notice.status !== 'live' && <span className="tag">{t(`notices.status.${notice.status}`)}</span>}
          <strong className="ellipsis" dir="auto">
            {notice.title}
          </strong>
        </span>
        <span className="inbox-row-foot muted small">
          <span className="ellipsis">{formatDateTime(notice.publishAt ?? notice.publishedAt, i18n.language)}</span>
          {notice.status === 'live' && (
            <span>
              {t(notice.requiresAck ? 'notices.reach.ackedShort' : 'notices.reach.readShort', {
                percent: percent(done, notice.reach.total),
              })}
            </span>
          )}
        </span>
      </button>
    );
  };
  return (
    <div className="approvals-split">
      <div className="inbox-column">
        {sent.length === 0 ? (
          <EmptyState title={t('notices.sentEmpty')} />
        ) : (
          <VirtualList
            items={sent}
            rowHeight={ROW_HEIGHT}
            label={t('notices.sent')}
            getKey={(n) => n.id}
            selectedKey={selectedId}
            renderRow={row}
          />
        )}
      </div>
      <div className="detail-column">
        {editing && compose ? (
          <PublishForm
            options={compose}
            editing={editing}
            onDone={() => {
              setEditing(null);
              reload();
            }}
          />
        ) : selected ? (
          <NoticeReach notice={selected} onEdit={() => setEditing(selected)} onChanged={reload} />
        ) : (
          <EmptyState title={t('notices.pickSent')} />
        )}
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { portico } from '../../bridge/portico.ts';
import { formatDateTime } from '../../app/format.ts';
import { useCoreView } from '../../app/use-bridge.ts';

/** Unread first, then newest. Bodies are shown as plain text until the safe Markdown renderer lands. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const notices = useCoreView('notices.list', { refetchOn: 'notices' });
  if (!notices) return null;
  return (
    <div>
      <h1>{t('notices.title')}</h1>
      {notices.length === 0 && <p className="muted">{t('notices.empty')}</p>}
      <ul className="list">
        {notices.map((notice) => (
          <li key={notice.id} className={notice.readAt ? 'list-item' : 'list-item unread'}>
            <div className="list-item-head">
              {notice.priority !== 'normal' && (
                <span className={`badge ${notice.priority}`}>{t(`notices.priority.${notice.priority}`)}</span>
              )}
              <strong>{notice.title}</strong>
            </div>
            <p className="notice-body">{notice.body}</p>
            <div className="list-item-foot">
              <span className="muted small">
                {t('notices.by', { name: notice.publisherName, time: formatDateTime(notice.publishedAt, i18n.language) })}
              </span>
              {notice.readAt ? (
                <span className="muted small">{t('notices.read')}</span>
              ) : (
                <button
                  className={notice.requiresAck ? 'primary' : 'secondary'}
                  onClick={() => void portico.call('notices.markRead', { noticeId: notice.id })}
                >
                  {notice.requiresAck ? t('notices.acknowledge') : t('notices.markRead')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

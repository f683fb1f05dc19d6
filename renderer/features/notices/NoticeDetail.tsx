import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { noticeExpired } from '../../../shared/domain/notices/index.ts';
import { formatDateTime } from '../../app/format.ts';
import { portico } from '../../bridge/portico.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { NoticeMarkdown } from './NoticeMarkdown.tsx';
import { useCall } from './use-notices.ts';
import { Button } from '../../ui/Button.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { PRIORITY_TONE } from './priority-tone.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';

/**
 * A notice in full. Opening one that needs no acknowledgement marks it read; a required one asks
 * for "I have read and understood", which the server records once with its own time. Keyed by id
 * by its parent, so switching notices starts fresh.
 */
export function NoticeDetail({ noticeId, now }: { noticeId: string; now: number }) {
  const { t, i18n } = useTranslation();
  const { value: notice } = useCall('notices.get', { noticeId }, 'notices');
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const unread = notice !== undefined && notice !== null && !notice.requiresAck && notice.readAt === null;
  useEffect(() => {
    if (unread) void portico.call('notices.markRead', { noticeId });
  }, [unread, noticeId]);
  if (notice === undefined) return null;
  if (notice === null) return <EmptyState title={t('notices.gone')} />;
  const when = (at: number) => formatDateTime(at, i18n.language);
  const expired = noticeExpired(notice, now);
  return (
    <article className={`notice-detail priority-${notice.priority}`} aria-labelledby="notice-title">
      <header className="detail-head">
        <div className="notice-badges">
          {notice.priority !== 'normal' && (
            <Badge tone={PRIORITY_TONE[notice.priority]}>{t(`notices.priority.${notice.priority}`)}</Badge>
          )}
          {notice.pinned && <span className="tag pinned">{t('notices.pinned')}</span>}
          {expired && <span className="tag">{t('notices.expired')}</span>}
        </div>
        <h2 id="notice-title" dir="auto">
          {notice.title}
        </h2>
        <p className="muted small">
          {t('notices.by', { name: notice.publisherName, time: when(notice.publishedAt) })}
          {notice.editedAt !== null && (
            <span className="edited" title={when(notice.editedAt)}>
              {' · '}
              {t('notices.edited', { time: when(notice.editedAt) })}
            </span>
          )}
          {notice.expiresAt !== null && !expired && <span> · {t('notices.expiresAt', { time: when(notice.expiresAt) })}</span>}
        </p>
      </header>
      <NoticeMarkdown source={notice.body} />
      <AttachmentList attachments={notice.attachments} />
      <footer className="notice-ack">
        {notice.requiresAck &&
          (notice.ackedAt !== null ? (
            <p className="acked" data-testid="acked">
              ✓ {t('notices.ackedAt', { time: when(notice.ackedAt) })}
            </p>
          ) : (
            <Button
              variant="primary"
              data-testid="acknowledge"
              onClick={() => void portico.call('notices.acknowledge', { noticeId }).then(setOutcome)}
            >
              {t('notices.acknowledge')}
            </Button>
          ))}
        {outcome?.status === 'queued' && <p className="muted small">{t('notices.ackQueued')}</p>}
        {outcome?.status === 'failed' && (
          <p className="error" role="alert">
            {t('common.actionFailed', { message: outcome.message })}
          </p>
        )}
      </footer>
    </article>
  );
}

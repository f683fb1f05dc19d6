import { useTranslation } from 'react-i18next';
import type { NoticeSummary } from '../../../shared/domain/notices/index.ts';
import { noticeExpired, noticeOutstanding } from '../../../shared/domain/notices/index.ts';
import { formatDateTime } from '../../app/format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { PRIORITY_TONE } from './priority-tone.ts';

/** One notice in the list: unread in bold, badges for priority, pinned, required and expired. */
export function NoticeRow({ notice, now, onOpen }: { notice: NoticeSummary; now: number; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const outstanding = noticeOutstanding(notice);
  const expired = noticeExpired(notice, now);
  return (
    <button
      className={`inbox-row notice-row${outstanding ? ' unread' : ''}${expired ? ' expired' : ''}`}
      onClick={() => onOpen(notice.id)}
      data-testid={`notice-row-${notice.id}`}
    >
      <span className="inbox-row-head">
        {notice.pinned && !expired && <span className="tag pinned">{t('notices.pinned')}</span>}
        {notice.priority !== 'normal' && (
          <Badge tone={PRIORITY_TONE[notice.priority]}>{t(`notices.priority.${notice.priority}`)}</Badge>
        )}
        <strong className="ellipsis" dir="auto">
          {notice.title}
        </strong>
      </span>
      <span className="inbox-row-foot muted small">
        <span className="ellipsis">
          {notice.publisherName} · {formatDateTime(notice.publishedAt, i18n.language)}
        </span>
        {expired ? (
          <span className="tag">{t('notices.expired')}</span>
        ) : notice.requiresAck && notice.ackedAt === null ? (
          <span className="tag required">{t('notices.requiresAck')}</span>
        ) : notice.onboarding && outstanding ? (
          <span className="tag">{t('notices.forNewcomers')}</span>
        ) : null}
      </span>
    </button>
  );
}

import { useTranslation } from 'react-i18next';
import { useCoreView } from './use-bridge.ts';
import { formatTime } from './format.ts';

export function ConnectionBadge() {
  const { t, i18n } = useTranslation();
  const connection = useCoreView('connection.get', { pushedBy: 'connection.changed' });
  if (!connection) return null;
  const label =
    connection.state === 'offline' && connection.nextRetryAt
      ? t('connection.retryAt', { time: formatTime(connection.nextRetryAt, i18n.language) })
      : t(`connection.${connection.state}`);
  return (
    <div className={`connection connection-${connection.state}`} role="status" data-testid="connection">
      <span className="dot" aria-hidden="true" />
      <span>{label}</span>
      {connection.queuedActions > 0 && (
        <span className="muted">· {t('connection.queued', { count: connection.queuedActions })}</span>
      )}
    </div>
  );
}

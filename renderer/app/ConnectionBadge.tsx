import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portico } from '../bridge/portico.ts';
import { useConnection } from './connection-context.ts';
import { Button } from '../ui/Button.tsx';

/** Seconds until `at`, ticking once a second while there is a time to count down to. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The page's own signs that the network changed: core tries (or checks the socket) at once. */
function useNetworkSignals(): void {
  useEffect(() => {
    const nudge = (reason: 'online' | 'offline' | 'visible') => void portico.call('connection.nudge', { reason });
    const online = () => nudge('online');
    const offline = () => nudge('offline');
    const visible = () => document.visibilityState === 'visible' && nudge('visible');
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visible);
    };
  }, []);
}

export function ConnectionBadge() {
  const { t } = useTranslation();
  const connection = useConnection();
  const seconds = useSecondsUntil(connection?.state === 'offline' ? (connection.nextRetryAt ?? null) : null);
  useNetworkSignals();
  if (!connection) return null;
  const label =
    connection.state !== 'offline'
      ? t(`connection.${connection.state}`)
      : seconds === null
        ? t('connection.offline')
        : seconds > 0
          ? t('connection.retryIn', { count: seconds })
          : t('connection.retrying');
  return (
    <div className={`connection connection-${connection.state}`} data-testid="connection">
      <span className="dot" aria-hidden="true" />
      <span role="status">{label}</span>
      {connection.queuedActions > 0 && (
        <span className="muted">· {t('connection.queued', { count: connection.queuedActions })}</span>
      )}
      {(connection.state === 'offline' || connection.state === 'connecting') && (
        <Button type="button" variant="link" onClick={() => void portico.call('connection.nudge', { reason: 'retry' })}>
          {t('connection.retryNow')}
        </Button>
      )}
    </div>
  );
}

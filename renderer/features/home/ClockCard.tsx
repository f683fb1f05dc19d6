import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeView } from '../../../shared/bridge/views.ts';
import { portico } from '../../bridge/portico.ts';
import { formatTime } from '../../app/format.ts';

export function ClockCard({ home }: { home: HomeView }) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const clock = async (kind: 'in' | 'out') => {
    setFailure(null);
    const outcome = await portico.call('attendance.clock', { kind });
    if (outcome.status === 'failed') setFailure(t('common.actionFailed', { message: outcome.message }));
  };
  const last = home.lastClock;
  const status = home.queuedClock
    ? t('home.clockQueued', { kind: home.queuedClock.kind, time: formatTime(home.queuedClock.clientTime, i18n.language) })
    : last
      ? t(last.kind === 'in' ? 'home.clockedIn' : 'home.clockedOut', { time: formatTime(last.at, i18n.language) })
      : t('home.notClockedIn');
  const next = (home.queuedClock?.kind ?? last?.kind) === 'in' ? 'out' : 'in';
  return (
    <article className="card clock-card">
      <h2>{t('home.clock')}</h2>
      <p data-testid="clock-status">{status}</p>
      <button className="primary" onClick={() => void clock(next)}>
        {t(next === 'in' ? 'home.clockIn' : 'home.clockOut')}
      </button>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </article>
  );
}

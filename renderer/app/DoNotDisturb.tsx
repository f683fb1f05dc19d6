import { useTranslation } from 'react-i18next';
import { portico } from '../bridge/portico.ts';
import { formatTime } from './format.ts';
import { useCoreView } from './use-bridge.ts';

const HOUR = 3600_000;

/** The next 08:00 on this PC's clock: "until tomorrow" means until the working day starts. */
function tomorrowMorning(now: number): number {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(8, 0, 0, 0);
  return next.getTime();
}

/** Do not disturb: toasts wait (urgent notices still come through) for an hour, until tomorrow, or until turned off. */
export function DoNotDisturb() {
  const { t, i18n } = useTranslation();
  const home = useCoreView('home.get', { pushedBy: 'home.changed' });
  const until = home?.doNotDisturbUntil ?? null;
  const set = (value: number | null) => void portico.call('settings.setDoNotDisturb', { until: value });
  return (
    <label className={until ? 'dnd on' : 'dnd'} title={t('dnd.hint')}>
      <span className="visually-hidden">{t('dnd.label')}</span>
      <select
        aria-label={t('dnd.label')}
        value={until ? 'on' : 'off'}
        onChange={(e) => {
          const now = Date.now();
          if (e.target.value === 'hour') set(now + HOUR);
          else if (e.target.value === 'tomorrow') set(tomorrowMorning(now));
          else if (e.target.value === 'off') set(null);
        }}
      >
        <option value="off">{t('dnd.off')}</option>
        {until && <option value="on">{t('dnd.until', { time: formatTime(until, i18n.language) })}</option>}
        <option value="hour">{t('dnd.hour')}</option>
        <option value="tomorrow">{t('dnd.tomorrow')}</option>
      </select>
    </label>
  );
}

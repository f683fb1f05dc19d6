import { useTranslation } from 'react-i18next';
import { useCoreView } from '../../app/use-bridge.ts';
import { ClockCard } from '../home/ClockCard.tsx';

export function AttendancePage() {
  const { t } = useTranslation();
  const home = useCoreView('home.get', { pushedBy: 'home.changed' });
  if (!home) return null;
  return (
    <div>
      <h1>{t('attendance.title')}</h1>
      <ClockCard home={home} />
    </div>
  );
}

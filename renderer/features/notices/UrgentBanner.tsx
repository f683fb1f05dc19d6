import { useTranslation } from 'react-i18next';
import type { HomeView } from '../../../shared/bridge/views.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { isolated } from '../../ui/UserText.tsx';

/** Urgent notices not yet acknowledged, in red above the page until they are (Home and Notices). */
export function UrgentBanner({ notices }: { notices: HomeView['urgentNotices'] }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  if (notices.length === 0) return null;
  return (
    <div className="urgent-banner" role="alert">
      {notices.map((notice) => (
        <button key={notice.id} className="link" onClick={() => navigate(`notices/${notice.id}`)}>
          {t('notices.urgentBanner', { title: isolated(notice.title) })}
        </button>
      ))}
    </div>
  );
}

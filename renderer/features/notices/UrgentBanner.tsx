import { useTranslation } from 'react-i18next';
import type { HomeView } from '../../../shared/bridge/views.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { isolated } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';

/** Urgent notices not yet acknowledged, in red above the page until they are (Home and Notices). */
export function UrgentBanner({ notices }: { notices: HomeView['urgentNotices'] }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  if (notices.length === 0) return null;
  return (
    <div className="urgent-banner" role="alert">
      {notices.map((notice) => (
        <Button key={notice.id} variant="link" onClick={() => navigate(`notices/${notice.id}`)}>
          {t('notices.urgentBanner', { title: isolated(notice.title) })}
        </Button>
      ))}
    </div>
  );
}

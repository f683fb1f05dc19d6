import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { UrgentBanner } from './UrgentBanner.tsx';
import { NoticeInbox } from './NoticeInbox.tsx';
import { PublishForm } from './PublishForm.tsx';
import { SentNotices } from './SentNotices.tsx';
import { Button } from '../../ui/Button.tsx';

/**
 * Notices: my inbox for everyone; for HR, publishers and admins also what they sent (with live
 * reach) and the publish form. Routes: `notices/n_…` opens one, `notices/sent`, `notices/new`.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  const compose = useCoreView('notices.composeOptions');
  const home = useCoreView('home.get', { pushedBy: 'home.changed' });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const view = route.itemId === 'new' ? 'new' : route.itemId === 'sent' || route.itemId?.startsWith('sent:') ? 'sent' : 'inbox';
  return (
    <div className="approvals notices">
      <div className="approvals-toolbar">
        <h1>{t('notices.title')}</h1>
        {compose?.canPublish && (
          <div className="toolbar-end">
            <div className="tabs" role="tablist">
              <button
                role="tab"
                aria-selected={view === 'inbox'}
                className={view === 'inbox' ? 'tab active' : 'tab'}
                onClick={() => navigate('notices')}
              >
                {t('notices.inbox')}
              </button>
              <button
                role="tab"
                aria-selected={view === 'sent'}
                className={view === 'sent' ? 'tab active' : 'tab'}
                onClick={() => navigate('notices/sent')}
              >
                {t('notices.sent')}
              </button>
            </div>
            <Button variant="primary" onClick={() => navigate('notices/new')}>
              {t('notices.new')}
            </Button>
          </div>
        )}
      </div>
      {home && view === 'inbox' && <UrgentBanner notices={home.urgentNotices} />}
      {view === 'new' && compose?.canPublish ? (
        <PublishForm options={compose} onDone={(noticeId) => navigate(noticeId ? `notices/sent:${noticeId}` : 'notices/sent')} />
      ) : view === 'sent' && compose?.canPublish ? (
        <SentNotices selectedId={route.itemId?.startsWith('sent:') ? route.itemId.slice(5) : null} />
      ) : (
        <NoticeInbox now={now} />
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { UserProfile } from '../../../shared/domain/user.ts';
import type { PageKey } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { UrgentBanner } from '../notices/UrgentBanner.tsx';
import { ClockCard } from '../attendance/ClockCard.tsx';
import { BriefCard } from '../brief/BriefCard.tsx';
import { LeadersStrip } from '../presence/LeadersStrip.tsx';
import { Badge } from '../../ui/Badge.tsx';

/** Today at a glance: what waits for me, what I have not read, whether I have clocked in. Live. */
export function HomePage({ user, onOpen }: { user: UserProfile; onOpen: (page: PageKey) => void }) {
  const { t } = useTranslation();
  const home = useCoreView('home.get', { pushedBy: 'home.changed' });
  if (!home) return null;
  return (
    <div className="home">
      <h1>{t('home.greeting', { name: user.displayName })}</h1>
      <UrgentBanner notices={home.urgentNotices} />
      <LeadersStrip />
      <BriefCard user={user} />
      <div className="cards">
        <button className="card count-card" onClick={() => onOpen('approvals')} data-testid="pending-approvals">
          <span className="count">{home.pendingApprovals}</span>
          <span>{t('home.pendingApprovals')}</span>
        </button>
        <button className="card count-card" onClick={() => onOpen('notices')} data-testid="unread-notices">
          <span className="count">{home.unreadNotices}</span>
          <span>{t('home.unreadNotices')}</span>
          {home.unacknowledgedRequired > 0 && (
            <Badge tone="warn">{t('home.mustAcknowledge', { count: home.unacknowledgedRequired })}</Badge>
          )}
        </button>
        <ClockCard home={home} />
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { useNow } from '../../app/use-now.ts';
import { Avatar } from './PresenceDot.tsx';
import { presenceLine } from './presence-text.ts';
import { usePresence } from './use-presence.ts';
import { UserText } from '../../ui/UserText.tsx';

/** Home's strip of the user's leaders: where they are, when they are back, who acts for them. */
export function LeadersStrip() {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const leaders = useCoreView('presence.leaders', { refetchOn: 'presence' });
  const live = usePresence(leaders?.map((l) => l.id) ?? []);
  const now = useNow();
  if (!leaders || leaders.length === 0) return null;
  return (
    <section aria-labelledby="leaders-title">
      <h2 id="leaders-title" className="section-title">
        {t('presence.leadersTitle')}
      </h2>
      <ul className="leaders-strip" data-testid="leaders-strip">
        {leaders.map((leader) => {
          const presence = live.get(leader.id) ?? leader.presence;
          return (
            <li key={leader.id}>
              <button
                className="leader-card"
                onClick={() => navigate(`chat/${leader.id}`)}
                title={t('presence.chatWith', { name: leader.name })}
              >
                <Avatar name={leader.name} presence={presence} size={36} />
                <span>
                  <strong>
                    <UserText>{leader.name}</UserText>
                  </strong>{' '}
                  <span className="muted">{t(`presence.relation.${leader.relation}`)}</span>
                  <span className="line" dir="auto">
                    {' '}
                    <br />
                    {presenceLine(presence, t, i18n.language, now)}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

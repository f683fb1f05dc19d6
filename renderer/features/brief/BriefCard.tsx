import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRIEF_ITEM_MAX } from '../../../shared/domain/brief.ts';
import type { UserProfile } from '../../../shared/domain/user.ts';
import { formatAge } from '../../app/format.ts';
import { siteTime } from '../attendance/attendance-format.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { portico } from '../../bridge/portico.ts';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { useNow } from '../../app/use-now.ts';
import { presenceLine } from '../presence/presence-text.ts';
import { usePresence } from '../presence/use-presence.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';
import { Badge } from '../../ui/Badge.tsx';

/**
 * The daily brief: what waits today in one card (approvals, required notices, how the day started,
 * whether my leaders can be reached, and the key items my supervisor marked). Shown on the first
 * activity of a workday until dismissed; leaders add items for their department here.
 */
export function BriefCard({ user }: { user: UserProfile }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  // Read again whenever the cards beside it change (home.changed), so no line contradicts them.
  const brief = useCoreView('brief.get', { refetchOn: 'brief', refetchOnEvent: 'home.changed' });
  const presence = usePresence(brief?.leaders.map((l) => l.id) ?? []);
  const now = useNow();
  const [item, setItem] = useState('');
  const [failure, setFailure] = useState<ActionOutcome | null>(null);
  if (!brief) return null;
  const language = i18n.language;
  const day = brief.attendance;
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await portico.call('brief.addItem', { text: item });
    setFailure(outcome.status === 'failed' ? outcome : null);
    if (outcome.status !== 'failed') setItem('');
  };
  return (
    <section className="card brief" aria-labelledby="brief-title" data-testid="brief">
      <header className="brief-head">
        <h2 id="brief-title">{t('brief.title')}</h2>
        <Button variant="link" onClick={() => void portico.call('brief.dismiss', {})}>
          {t('brief.dismiss')}
        </Button>
      </header>
      <ul className="brief-lines">
        <li>
          <Button variant="link" onClick={() => navigate('approvals')}>
            {brief.pendingApprovals.count > 0
              ? t('brief.approvals', { count: brief.pendingApprovals.count })
              : t('brief.noApprovals')}
          </Button>
          {brief.pendingApprovals.oldestSubmittedAt !== null && (
            <span className="muted small">
              {' '}
              · {t('brief.oldest', { age: formatAge(brief.pendingApprovals.oldestSubmittedAt, brief.generatedAt, t) })}
            </span>
          )}
        </li>
        <li>
          {brief.requiredNoticesTotal > 0 ? (
            <>
              {t('brief.notices', { count: brief.requiredNoticesTotal })}
              <ul>
                {brief.requiredNotices.map((n) => (
                  <li key={n.id}>
                    <Button variant="link" onClick={() => navigate(`notices/${n.id}`)} dir="auto">
                      {n.title}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            t('brief.noNotices')
          )}
        </li>
        {day && day.kind === 'workday' && (
          <li>
            {day.firstIn !== null
              ? t('brief.clockedIn', { time: siteTime(day.firstIn, language, day.timeZone) })
              : t('brief.notClockedInAt', { time: siteTime(day.shiftStart, language, day.timeZone) })}
          </li>
        )}
        {brief.leaders.map((leader) => (
          <li key={leader.id}>
            {t(`brief.relation.${leader.relation}`, { name: leader.name })}{' '}
            {presence.get(leader.id) ? (
              // The same words as the leaders strip above, from the same live presence.
              <span className="brief-presence" data-state={presence.get(leader.id)!.state} dir="auto">
                {presenceLine(presence.get(leader.id), t, language, now)}
              </span>
            ) : leader.outOfOffice ? (
              <Badge tone="warn">
                {t('brief.away', {
                  until: siteTime(leader.outOfOffice.until, language, day?.timeZone),
                  proxy: leader.outOfOffice.proxyName ?? '—',
                })}
              </Badge>
            ) : (
              <span className={leader.online ? 'presence online' : 'presence'}>
                {t(leader.online ? 'brief.online' : 'brief.offline')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {brief.items.length > 0 && (
        <>
          <h3>{t('brief.keyItems')}</h3>
          <ul className="brief-items">
            {brief.items.map((entry) => (
              <li key={entry.id} dir="auto">
                {entry.text}{' '}
                <span className="muted small">
                  — <UserText>{entry.authorName}</UserText>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {user.roles.includes('leader') && (
        <form className="brief-add" onSubmit={(e) => void add(e)}>
          <input
            value={item}
            maxLength={BRIEF_ITEM_MAX}
            onChange={(e) => setItem(e.target.value)}
            placeholder={t('brief.addPlaceholder')}
            aria-label={t('brief.addPlaceholder')}
          />
          <Button type="submit" variant="secondary" disabled={item.trim() === ''}>
            {t('brief.add')}
          </Button>
          {failure?.status === 'failed' && (
            <p className="error" role="alert" data-testid="brief-add-error">
              {failure.code === 'conflict' && failure.details?.limit !== undefined
                ? t('brief.itemsFull', { limit: failure.details.limit })
                : t('common.actionFailed', { message: failure.message })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

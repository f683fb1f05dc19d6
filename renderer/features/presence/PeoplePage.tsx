import { matchSorter } from 'match-sorter';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryPerson } from '../../../shared/protocol/methods.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { useNow } from '../../app/use-now.ts';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { Avatar } from './PresenceDot.tsx';
import { presenceLine } from './presence-text.ts';
import { usePresence } from './use-presence.ts';
import { SearchField } from '../../ui/SearchField.tsx';
import { Button } from '../../ui/Button.tsx';
import { isolated } from '../../ui/UserText.tsx';
import { ThankDialog } from '../kudos/ThankDialog.tsx';
import { useKudosCounts } from '../kudos/use-kudos-counts.ts';

const ROW_HEIGHT = 56;

/** Everyone, searchable by name, department or pinyin ("zw", "zhangwei"), with their presence. */
export function PeoplePage({ me }: { me: string }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const people = useCoreView('directory.people');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const shown = useMemo(
    () =>
      deferred.trim() === ''
        ? (people ?? [])
        : matchSorter(people ?? [], deferred.trim(), { keys: ['name', 'pinyin', 'initials', 'departmentName'] }),
    [people, deferred],
  );
  // Presence is followed for the first screens of results, not for the whole company.
  const live = usePresence(shown.slice(0, 200).map((p) => p.id));
  const now = useNow();
  const thanks = useKudosCounts();
  const [thanking, setThanking] = useState<DirectoryPerson | null>(null);
  /** The last thanks sent from here: to whom, and whether it reached the server or waits in the outbox. */
  const [sent, setSent] = useState<{ name: string; queued: boolean } | null>(null);
  return (
    <div className="people-page">
      <div className="row">
        <h1>{t('nav.people')}</h1>
        <SearchField label={t('presence.searchPeople')} value={query} onChange={setQuery} />
        <span className="muted" role="status">
          {t('presence.peopleCount', { count: shown.length })}
        </span>
        <span className="thank-sent" role="status">
          {sent && (sent.queued ? t('kudos.queued') : t('kudos.sent', { name: isolated(sent.name) }))}
        </span>
      </div>
      <VirtualList<DirectoryPerson>
        items={shown}
        rowHeight={ROW_HEIGHT}
        getKey={(p) => p.id}
        label={t('nav.people')}
        selectedKey={null}
        renderRow={(person) => {
          const count = thanks.get(person.id) ?? 0;
          return (
            <div className="person-entry">
              <Button
                variant="link"
                className="person-row"
                data-testid="person-row"
                onClick={() => navigate(`chat/${person.id}`)}
              >
                <Avatar name={person.name} presence={live.get(person.id)} />
                <span className="who">
                  <strong dir="auto">{person.name}</strong>
                  <span className="line" dir="auto">
                    {[person.departmentName, presenceLine(live.get(person.id), t, i18n.language, now)]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </Button>
              {count > 0 && (
                <span className="thank-count" title={t('kudos.count', { count })}>
                  <span aria-hidden="true">♥ </span>
                  <span className="visually-hidden">{t('kudos.count', { count })}</span>
                  <span aria-hidden="true">{count}</span>
                </span>
              )}
              {person.id !== me && (
                <Button
                  variant="secondary"
                  className="thank-button"
                  aria-label={t('kudos.thankName', { name: isolated(person.name) })}
                  onClick={() => setThanking(person)}
                >
                  {t('kudos.thank')}
                </Button>
              )}
            </div>
          );
        }}
      />
      {thanking && (
        <ThankDialog
          person={thanking}
          onClose={(result) => {
            setThanking(null);
            if (result) setSent({ name: thanking.name, queued: result === 'queued' });
          }}
        />
      )}
    </div>
  );
}

import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { KUDOS_MESSAGE_MAX, type Kudos } from '../../../shared/domain/kudos.ts';
import { formatAge } from '../../app/format.ts';
import { useNow } from '../../app/use-now.ts';
import { portico } from '../../bridge/portico.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { UserText, isolated } from '../../ui/UserText.tsx';
import './kudos.css';

/** Why a thank-you did not go, in the user's words. */
function problemOf(outcome: Extract<ActionOutcome, { status: 'failed' }>, t: TFunction): string {
  if (outcome.code === 'too_soon') return t('kudos.tooMany', { limit: outcome.details?.['limit'] ?? '' });
  return t('kudos.failed', { message: outcome.message });
}

/** Thank a colleague: what they were thanked for lately, and a sentence of one's own. Closes with how the thanks went. */
export function ThankDialog({
  person,
  onClose,
}: {
  person: { id: string; name: string };
  onClose: (sent: 'done' | 'queued' | null) => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const [recent, setRecent] = useState<Kudos[] | null | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    let live = true;
    void portico.call('kudos.recent', { userId: person.id }).then((kudos) => live && setRecent(kudos));
    return () => {
      live = false;
    };
  }, [person.id]);
  const send = async () => {
    setSending(true);
    setProblem(null);
    const outcome = await portico.call('kudos.give', { toUserId: person.id, message: message.trim() });
    setSending(false);
    if (outcome.status === 'failed') return setProblem(problemOf(outcome, t));
    onClose(outcome.status);
  };
  return (
    <Dialog
      title={t('kudos.dialogTitle', { name: isolated(person.name) })}
      onClose={() => onClose(null)}
      className="thank-dialog"
      actions={
        <>
          <Button variant="secondary" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" disabled={message.trim() === '' || sending} onClick={() => void send()}>
            {t('kudos.send')}
          </Button>
        </>
      }
    >
      <Field label={t('kudos.messageLabel')} error={problem}>
        <textarea
          value={message}
          rows={3}
          maxLength={KUDOS_MESSAGE_MAX}
          dir="auto"
          data-autofocus
          onChange={(e) => setMessage(e.target.value)}
        />
      </Field>
      <section aria-labelledby="recent-thanks" className="recent-thanks">
        <h3 id="recent-thanks">{t('kudos.recentTitle')}</h3>
        {recent === null && <p className="muted small">{t('kudos.recentOffline')}</p>}
        {recent?.length === 0 && <p className="muted small">{t('kudos.none')}</p>}
        {recent && recent.length > 0 && (
          <ul>
            {recent.map((kudos) => (
              <li key={kudos.id}>
                <UserText>{kudos.message}</UserText>
                <span className="muted small" dir="auto">
                  {t('kudos.from', { name: isolated(kudos.fromName), when: formatAge(kudos.at, now, t) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Dialog>
  );
}

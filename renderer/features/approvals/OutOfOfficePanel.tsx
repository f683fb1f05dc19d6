import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import type { OutOfOffice } from '../../../shared/domain/approvals/request.ts';
import { formatDateTime } from '../../app/format.ts';
import { useCoreView } from '../../app/use-bridge.ts';
import { portico } from '../../bridge/portico.ts';
import { OutcomeMessage } from './OutcomeMessage.tsx';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';

const toLocalInput = (at: number) => {
  const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
};

/** Set or end an out-of-office period with a proxy; shows the current one. */
export function OutOfOfficePanel({ current, meId, onClose }: { current: OutOfOffice | null; meId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const people = useCoreView('directory.people');
  const [openedAt] = useState(() => Date.now());
  const [from, setFrom] = useState(() => toLocalInput(current?.from ?? Date.now()));
  const [until, setUntil] = useState(() => toLocalInput(current?.until ?? Date.now() + 3 * 24 * 3600_000));
  const [proxyId, setProxyId] = useState(current?.proxy.id ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const save = async () => {
    const result = await portico.call('approvals.setOutOfOffice', {
      from: new Date(from).getTime(),
      until: new Date(until).getTime(),
      proxyId,
      note: note.trim() || null,
    });
    setOutcome(result);
    if (result.status !== 'failed') onClose();
  };
  return (
    <form
      className="away-panel card"
      onSubmit={(e) => {
        e.preventDefault();
        if (proxyId) void save();
      }}
    >
      <h2>{t('approvals.away.title')}</h2>
      {current && (
        <p className="note">
          {t(current.from <= openedAt ? 'approvals.away.active' : 'approvals.away.planned', {
            from: formatDateTime(current.from, i18n.language),
            until: formatDateTime(current.until, i18n.language),
            proxy: current.proxy.name,
          })}
        </p>
      )}
      <p className="muted small">{t('approvals.away.explain')}</p>
      <div className="form-row">
        <label>
          {t('approvals.away.from')}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t('approvals.away.until')}
          <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} required />
        </label>
      </div>
      <label>
        {t('approvals.away.proxy')}
        <select value={proxyId} onChange={(e) => setProxyId(e.target.value)} required>
          <option value="">{t('approvals.form.choose')}</option>
          {(people ?? [])
            .filter((person) => person.id !== meId)
            .map((person) => (
              <option key={person.id} value={person.id}>
                <UserText>{person.name}</UserText>
                {person.departmentName ? ` · ${person.departmentName}` : ''}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('approvals.away.note')}
        <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </label>
      <OutcomeMessage outcome={outcome} />
      <div className="form-buttons">
        <Button type="submit" variant="primary" disabled={!proxyId}>
          {t('approvals.away.save')}
        </Button>
        {current && (
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              void portico.call('approvals.clearOutOfOffice', {}).then((r) => (r.status === 'failed' ? setOutcome(r) : onClose()))
            }
          >
            {t('approvals.away.clear')}
          </Button>
        )}
        <Button type="button" variant="link" onClick={onClose}>
          {t('approvals.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualPresence, PresenceSettings, PresenceView } from '../../../shared/domain/presence/index.ts';
import { portico } from '../../bridge/portico.ts';
import { useCoreView } from '../../app/use-bridge.ts';
import { PresenceDot } from './PresenceDot.tsx';
import { Button } from '../../ui/Button.tsx';
import { Popover } from '../../ui/Popover.tsx';
import { Field } from '../../ui/Field.tsx';

const manualStates: ManualPresence[] = ['auto', 'busy', 'meeting', 'dnd'];
const durations = [
  { key: 'untilChanged', ms: null },
  { key: 'oneHour', ms: 3600_000 },
  { key: 'twoHours', ms: 2 * 3600_000 },
] as const;

/** The top bar's status: automatic or set by hand (with an end), a status text, and a daily quiet schedule. */
export function PresenceMenu({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const mine = useCoreView('presence.mine', { refetchOn: 'presence' });
  const [draft, setDraft] = useState<PresenceSettings | null>(null);
  const [duration, setDuration] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pushed, setPushed] = useState<PresenceView | undefined>();
  useEffect(
    () =>
      portico.on('presence.changed', ({ presences }) => setPushed((prev) => presences.find((p) => p.userId === userId) ?? prev)),
    [userId],
  );
  const live = pushed ?? mine?.presence ?? undefined;
  const settings = draft ?? mine?.settings ?? { manual: 'auto', manualUntil: null, statusText: null, schedule: null };
  const save = async (close: () => void) => {
    const next: PresenceSettings = {
      ...settings,
      manualUntil: settings.manual === 'auto' || duration === null ? null : Date.now() + duration,
    };
    const outcome = await portico.call('presence.set', next);
    if (outcome.status === 'failed') return setProblem(outcome.message || t('presence.saveFailed'));
    setDraft(null);
    close();
  };
  const schedule = settings.schedule;
  return (
    <Popover
      label={t('presence.myStatus')}
      testId="presence-menu"
      trigger={
        <>
          <PresenceDot presence={live} /> {t(`presence.state.${live?.state ?? 'online'}`)}
        </>
      }
    >
      {(close) => (
        <>
          <Field label={t('presence.setTo')}>
            <select value={settings.manual} onChange={(e) => setDraft({ ...settings, manual: e.target.value as ManualPresence })}>
              {manualStates.map((state) => (
                <option key={state} value={state}>
                  {t(`presence.manual.${state}`)}
                </option>
              ))}
            </select>
          </Field>
          {settings.manual !== 'auto' && (
            <Field label={t('presence.for')}>
              <select value={duration ?? ''} onChange={(e) => setDuration(e.target.value === '' ? null : Number(e.target.value))}>
                {durations.map((d) => (
                  <option key={d.key} value={d.ms ?? ''}>
                    {t(`presence.duration.${d.key}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('presence.statusText')}>
            <input
              value={settings.statusText ?? ''}
              maxLength={100}
              dir="auto"
              onChange={(e) => setDraft({ ...settings, statusText: e.target.value || null })}
            />
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={schedule !== null}
              onChange={(e) =>
                setDraft({
                  ...settings,
                  schedule: e.target.checked ? { from: '12:00', to: '13:30', days: [1, 2, 3, 4, 5] } : null,
                })
              }
            />
            {t('presence.schedule')}
          </label>
          {schedule && (
            <div className="row">
              <input
                type="time"
                aria-label={t('presence.scheduleFrom')}
                value={schedule.from}
                onChange={(e) => setDraft({ ...settings, schedule: { ...schedule, from: e.target.value } })}
              />
              <span>–</span>
              <input
                type="time"
                aria-label={t('presence.scheduleTo')}
                value={schedule.to}
                onChange={(e) => setDraft({ ...settings, schedule: { ...schedule, to: e.target.value } })}
              />
              <span className="muted">{t('presence.weekdays')}</span>
            </div>
          )}
          {problem && (
            <p className="error small" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog-actions">
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" onClick={() => void save(close)}>
              {t('common.save')}
            </Button>
          </div>
        </>
      )}
    </Popover>
  );
}

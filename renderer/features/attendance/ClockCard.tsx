import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome, HomeView } from '../../../shared/bridge/views.ts';
import { earlyClockOut, splitMinutes } from '../../../shared/domain/attendance/index.ts';
import { formatTime } from '../../app/format.ts';
import { portico } from '../../bridge/portico.ts';
import { clockFailureText, nextKind, todayText, verdictText } from './attendance-format.ts';
import { CLOCK_SHORTCUT_LABEL } from './use-clock-shortcut.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';

/**
 * Clock in or out with one click. The answer comes at once: the server's verdict when online,
 * "saved offline" when not. A rule that wants a note (remote work) opens a note field.
 */
export function ClockCard({ home }: { home: HomeView }) {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [needsNote, setNeedsNote] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const next = nextKind(home);
  const [asking, setAsking] = useState<{ expectedEnd: number; minutesEarly: number } | null>(null);
  const clock = async (confirmed = false) => {
    const early = confirmed ? null : earlyClockOut(next, home.today ?? null, Date.now());
    if (early) return setAsking(early);
    setAsking(null);
    setBusy(true);
    const result = await portico.call('attendance.clock', {
      kind: next,
      ...(needsNote && note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    setOutcome(result);
    if (result.status === 'failed' && result.code === 'note_required') setNeedsNote(true);
    if (result.status === 'done') {
      setNeedsNote(false);
      setNote('');
    }
  };
  const message =
    outcome?.status === 'done' && outcome.clock
      ? verdictText(outcome.clock, t, i18n.language)
      : outcome?.status === 'failed'
        ? null
        : todayText(home, t, i18n.language);
  return (
    <article className="card clock-card" aria-busy={busy}>
      <h2>{t('home.clock')}</h2>
      {message && (
        <p
          data-testid="clock-status"
          className={outcome?.status === 'done' && outcome.clock ? `verdict verdict-${outcome.clock.verdict}` : ''}
        >
          {message}
        </p>
      )}
      {outcome?.status === 'failed' && (
        <p className="error" role="alert" data-testid="clock-error">
          {clockFailureText(outcome, t)}
        </p>
      )}
      {needsNote && (
        <label className="clock-note">
          {t('attendance.noteLabel')}
          <input
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('attendance.notePlaceholder')}
          />
        </label>
      )}
      {asking && home.today && (
        <Dialog
          role="alertdialog"
          title={t('attendance.early.title', { time: formatTime(asking.expectedEnd, i18n.language, home.today.timeZone) })}
          description={t('attendance.early.body', {
            time: formatTime(asking.expectedEnd, i18n.language, home.today.timeZone),
            left: t(`attendance.duration.${splitMinutes(asking.minutesEarly).key}`, splitMinutes(asking.minutesEarly)),
          })}
          onClose={() => setAsking(null)}
          actions={
            <>
              <Button variant="secondary" onClick={() => setAsking(null)} data-autofocus>
                {t('attendance.early.cancel')}
              </Button>
              <Button variant="danger" onClick={() => void clock(true)} data-testid="early-confirm">
                {t('attendance.early.confirm')}
              </Button>
            </>
          }
        />
      )}
      <Button
        variant="primary"
        disabled={busy || (needsNote && !note.trim()) || asking !== null}
        onClick={() => void clock()}
        data-testid="clock-button"
      >
        {t(
          next === 'in'
            ? 'home.clockIn'
            : home.today?.lastOut != null || home.queuedClock?.kind === 'out'
              ? 'home.clockOutAgain'
              : 'home.clockOut',
        )}
      </Button>
      <p className="muted small">{t('attendance.shortcut', { keys: CLOCK_SHORTCUT_LABEL })}</p>
    </article>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { type DayReport, missingClockKind } from '../../../shared/domain/attendance/index.ts';
import { portico } from '../../bridge/portico.ts';
import { OutcomeMessage } from '../approvals/OutcomeMessage.tsx';
import { Button } from '../../ui/Button.tsx';

/** `HH:mm` of an instant on the site's wall clock. */
function wallClock(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

/**
 * Make-up clock-in (补卡) for one day: sent as a `makeup_clock` request through the approvals
 * workflow; on approval the server writes the correction and the calendar shows the day corrected.
 */
export function MakeupForm({ day, timeZone }: { day: DayReport; timeZone: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'in' | 'out'>(() => missingClockKind(day));
  const [time, setTime] = useState(() => wallClock(kind === 'out' ? day.expectedEnd : day.shiftStart, timeZone));
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const submit = async () => {
    // A night shift's clock-out is the next morning: earlier on the wall clock than the shift's start.
    const date = kind === 'out' && time < wallClock(day.shiftStart, timeZone) ? nextDate(day.date) : day.date;
    setOutcome(
      await portico.call('approvals.submit', {
        templateKey: 'makeup_clock',
        values: { at: `${date}T${time}`, kind, reason: reason.trim() },
        attachmentIds: [],
      }),
    );
  };
  if (outcome && outcome.status !== 'failed') {
    return (
      <p className="note" role="status" data-testid="makeup-sent">
        {t('attendance.makeup.sent')}
      </p>
    );
  }
  return (
    <form
      className="makeup-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void submit();
      }}
    >
      <h3>{t('attendance.makeup.title')}</h3>
      <p className="muted small">{t('attendance.makeup.explain')}</p>
      <div className="form-row">
        <label>
          {t('attendance.makeup.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value === 'out' ? 'out' : 'in')}>
            <option value="in">{t('attendance.kindIn')}</option>
            <option value="out">{t('attendance.kindOut')}</option>
          </select>
        </label>
        <label>
          {t('attendance.makeup.time')}
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
        </label>
      </div>
      <label>
        {t('attendance.makeup.reason')}
        <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} required data-testid="makeup-reason" />
      </label>
      {outcome?.status === 'failed' && outcome.issues?.length ? (
        <p className="error" role="alert">
          {outcome.issues.map((issue) => t(`approvals.issue.${issue.code}`, { limit: issue.limit })).join(' ')}
        </p>
      ) : (
        outcome && <OutcomeMessage outcome={outcome} />
      )}
      <Button variant="primary" type="submit" disabled={!reason.trim()}>
        {t('attendance.makeup.submit')}
      </Button>
    </form>
  );
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

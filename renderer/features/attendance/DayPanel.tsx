import { useTranslation } from 'react-i18next';
import type { MonthReport } from '../../../shared/domain/attendance/index.ts';
import { MakeupForm } from './MakeupForm.tsx';
import { duration, siteTime, statusTone } from './attendance-format.ts';
import { UserText } from '../../ui/UserText.tsx';

const NEEDS_MAKEUP = new Set(['missing_in', 'missing_out', 'absent', 'late', 'early', 'late_early']);

/** One day: its shift, every record with where it came from, and a make-up request when something is missing. */
export function DayPanel({ report, date }: { report: MonthReport; date: string }) {
  const { t, i18n } = useTranslation();
  const day = report.days.find((d) => d.date === date);
  if (!day) return null;
  const time = (at: number) => siteTime(at, i18n.language, report.timeZone);
  const records = report.records.filter((r) => r.date === date);
  const dateLabel = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
  return (
    <section className="card day-panel" aria-label={dateLabel} data-testid="day-panel">
      <h2>{dateLabel}</h2>
      <p>
        <span className={`status-chip tone-${statusTone(day.status)}`}>{t(`attendance.status.${day.status}`)}</span>{' '}
        {day.kind === 'workday' && (
          <span className="muted small">{t('attendance.shift', { start: time(day.shiftStart), end: time(day.shiftEnd) })}</span>
        )}
      </p>
      {(day.lateMinutes > 0 || day.earlyMinutes > 0 || day.workedMinutes > 0) && (
        <p className="small">
          {[
            day.lateMinutes > 0 ? t('attendance.lateBy', { duration: duration(day.lateMinutes, t) }) : null,
            day.earlyMinutes > 0 ? t('attendance.earlyBy', { duration: duration(day.earlyMinutes, t) }) : null,
            day.workedMinutes > 0 ? t('attendance.worked', { hours: (day.workedMinutes / 60).toFixed(1) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {records.length === 0 ? (
        <p className="muted">{t('attendance.noRecords')}</p>
      ) : (
        <ul className="list day-records">
          {records.map((r) => (
            <li key={r.id} className="list-item">
              <strong>{t(r.kind === 'in' ? 'attendance.kindIn' : 'attendance.kindOut')}</strong> {time(r.at)}
              {r.source !== 'online' && <span className="tag">{t(`attendance.source.${r.source}`)}</span>}
              {r.receivedAt !== null && r.receivedAt - r.at >= 60_000 && (
                <span className="muted small" data-testid="received-at">
                  {' '}
                  {t('attendance.receivedAt', { time: time(r.receivedAt) })}
                </span>
              )}
              {r.status !== 'accepted' && <span className="tag">{t(`attendance.recordStatus.${r.status}`)}</span>}
              {r.note && (
                <span className="muted small">
                  {' '}
                  · <UserText>{r.note}</UserText>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {day.kind === 'workday' && NEEDS_MAKEUP.has(day.status) && <MakeupForm day={day} timeZone={report.timeZone} />}
    </section>
  );
}

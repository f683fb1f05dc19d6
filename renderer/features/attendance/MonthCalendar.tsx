import { useTranslation } from 'react-i18next';
import type { DayReport, MonthReport } from '../../../shared/domain/attendance/index.ts';
import { siteTime, statusTone } from './attendance-format.ts';

/** Weekday names in the user's language, Monday first (ISO weeks, as attendance rules count them). */
function weekdayNames(language: string): string[] {
  const monday = Date.UTC(2026, 10, 23);
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(monday + i * 86_400_000),
  );
}

const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The month as a grid: each day's status in words and colour, with its clock-in and clock-out. */
export function MonthCalendar({
  report,
  selected,
  onSelect,
}: {
  report: MonthReport;
  selected: string | null;
  onSelect: (date: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lead = isoWeekday(report.days[0]!.date) - 1;
  const time = (at: number | null) => (at === null ? '—' : siteTime(at, i18n.language, report.timeZone));
  return (
    <div className="month-grid" role="grid" aria-label={t('attendance.calendar')}>
      <div role="row" className="month-row month-head">
        {weekdayNames(i18n.language).map((name) => (
          <span role="columnheader" key={name} className="month-weekday">
            {name}
          </span>
        ))}
      </div>
      <div role="row" className="month-row month-days">
        {Array.from({ length: lead }, (_, i) => (
          <span key={`lead-${i}`} className="month-cell month-blank" aria-hidden="true" />
        ))}
        {report.days.map((day: DayReport) => (
          <button
            key={day.date}
            role="gridcell"
            aria-selected={selected === day.date}
            className={`month-cell tone-${statusTone(day.status)}${selected === day.date ? ' selected' : ''}`}
            onClick={() => onSelect(day.date)}
            data-testid={`day-${day.date}`}
            data-status={day.status}
          >
            <span className="month-date">{Number(day.date.slice(8))}</span>
            <span className="month-status">{t(`attendance.status.${day.status}`)}</span>
            {(day.firstIn !== null || day.lastOut !== null) && (
              <span className="month-times small">
                {time(day.firstIn)} – {time(day.lastOut)}
              </span>
            )}
            {(day.corrected || day.review) && (
              <span className="month-flags small">
                {day.corrected && <span className="tag">{t('attendance.flag.corrected')}</span>}
                {day.review && <span className="tag">{t('attendance.flag.review')}</span>}
              </span>
            )}
          </button>
        ))}
      </div>
    </div>
  );
}

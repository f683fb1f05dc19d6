import { useTranslation } from 'react-i18next';
import type { DayReport, MonthReport } from '../../../shared/domain/attendance/index.ts';
import { siteTime, statusTone } from './attendance-format.ts';
import { firstDayOfWeek, type IsoWeekday, leadingBlanks, weekOrder } from './week-start.ts';

/** Weekday names in the user's language, in the order the locale's week runs. */
function weekdayNames(language: string, first: IsoWeekday): { day: IsoWeekday; name: string }[] {
  const monday = Date.UTC(2026, 10, 23);
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return weekOrder(first).map((day) => ({ day, name: format.format(monday + (day - 1) * 86_400_000) }));
}

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
  const first = firstDayOfWeek(i18n.language, navigator.language);
  const lead = leadingBlanks(report.days[0]!.date, first);
  const time = (at: number | null) => (at === null ? '—' : siteTime(at, i18n.language, report.timeZone));
  return (
    <div className="month-grid" role="grid" aria-label={t('attendance.calendar')}>
      <div role="row" className="month-row month-head">
        {weekdayNames(i18n.language, first).map(({ day, name }) => (
          <span role="columnheader" key={day} className="month-weekday" data-weekday={day}>
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

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreView } from '../../app/use-bridge.ts';
import { ClockCard } from './ClockCard.tsx';
import { DayPanel } from './DayPanel.tsx';
import { MonthCalendar } from './MonthCalendar.tsx';
import { MonthTotals } from './MonthTotals.tsx';
import { shiftMonth, useMonth } from './use-month.ts';
import { Button } from '../../ui/Button.tsx';

/** My attendance: today's clock, the month's calendar and totals, and a day's detail with make-up requests. */
const localMonth = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
};

export function AttendancePage() {
  const { t, i18n } = useTranslation();
  const home = useCoreView('home.get', { pushedBy: 'home.changed' });
  const [chosen, setChosen] = useState<string | null>(null);
  // The month of today's attendance day as the server judged it (a night shift's morning is still yesterday).
  const month = chosen ?? home?.today?.date.slice(0, 7) ?? localMonth();
  const [selected, setSelected] = useState<string | null>(null);
  const { report, loading } = useMonth(month);
  const monthLabel = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
  const go = (by: number) => {
    setChosen(shiftMonth(month, by));
    setSelected(null);
  };
  return (
    <div className="attendance">
      <h1>{t('attendance.title')}</h1>
      <div className="attendance-top">
        {home && <ClockCard home={home} />}
        {report && <MonthTotals totals={report.totals} />}
      </div>
      <div className="month-toolbar">
        <Button variant="secondary" className="small" onClick={() => go(-1)} aria-label={t('attendance.prevMonth')}>
          <span className="flip-rtl">‹</span>
        </Button>
        <h2 className="month-title" data-testid="month-title">
          {monthLabel}
        </h2>
        <Button variant="secondary" className="small" onClick={() => go(1)} aria-label={t('attendance.nextMonth')}>
          <span className="flip-rtl">›</span>
        </Button>
      </div>
      {!report ? (
        <p className="muted">{loading ? t('common.loading') : t('attendance.unavailable')}</p>
      ) : (
        <div className="attendance-split">
          <MonthCalendar report={report} selected={selected} onSelect={setSelected} />
          {selected ? <DayPanel report={report} date={selected} /> : <p className="muted day-hint">{t('attendance.pickDay')}</p>}
        </div>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { MonthTotals as Totals } from '../../../shared/domain/attendance/index.ts';

/** The month in numbers, the same figures HR's report counts. */
export function MonthTotals({ totals }: { totals: Totals }) {
  const { t, i18n } = useTranslation();
  const hours = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(totals.workedMinutes / 60);
  const items: [string, string | number][] = [
    ['workdays', totals.workdays],
    ['onTime', totals.onTime],
    ['late', totals.late],
    ['early', totals.early],
    ['absent', totals.absent],
    ['missing', totals.missing],
    ['onLeave', totals.onLeave],
    ['corrected', totals.corrected],
    ['hours', hours],
  ];
  return (
    <dl className="month-totals" data-testid="month-totals">
      {items.map(([key, value]) => (
        <div key={key} className="month-total">
          <dt className="muted small">{t(`attendance.totals.${key}`)}</dt>
          <dd data-testid={`total-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

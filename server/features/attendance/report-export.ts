import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import writeXlsxFile from 'write-excel-file/node';
import type { MonthTotals } from '../../../shared/domain/attendance/index.ts';
import type { ContentLanguage } from '../../../shared/domain/localized-text.ts';
import type { DepartmentReport } from './attendance-report.ts';
import { offlineHeadings, type ReportColumn, reportHeadings } from './report-headings.ts';

interface Column {
  key: ReportColumn;
  value: (row: DepartmentReport['rows'][number]) => string | number;
  width: number;
}

const total = (key: keyof MonthTotals) => (row: DepartmentReport['rows'][number]) => row.totals[key];

/** The export's columns: the same figures the report shows, hours with one decimal. */
const columns: Column[] = [
  { key: 'name', value: (r) => r.name, width: 18 },
  { key: 'department', value: (r) => r.departmentName ?? '', width: 18 },
  { key: 'workdays', value: total('workdays'), width: 12 },
  { key: 'onTime', value: total('onTime'), width: 10 },
  { key: 'late', value: total('late'), width: 10 },
  { key: 'lateMinutes', value: total('lateMinutes'), width: 14 },
  { key: 'early', value: total('early'), width: 12 },
  { key: 'absent', value: total('absent'), width: 10 },
  { key: 'missing', value: total('missing'), width: 16 },
  { key: 'onLeave', value: total('onLeave'), width: 12 },
  { key: 'corrected', value: total('corrected'), width: 10 },
  { key: 'hours', value: (r) => Math.round(r.totals.workedMinutes / 6) / 10, width: 16 },
];

const headings = (language: ContentLanguage) => columns.map((c) => reportHeadings[language][c.key]);

/** A cell that starts with = + - @ would run as a formula in Excel; prefix it so it stays text (CSV injection). */
export function inertCell(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV with a byte-order mark, so Excel opens Chinese names as UTF-8. */
export function reportCsv(report: DepartmentReport, language: ContentLanguage): Buffer {
  const rows = [headings(language), ...report.rows.map((row) => columns.map((c) => inertCell(c.value(row))))];
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(rows), 'utf8')]);
}

/** The offline clocks, one row each: the click that counts and when the server received it. */
export function offlineClockRows(report: DepartmentReport, language: ContentLanguage): string[][] {
  const time = (at: number | null, zone: string) =>
    at === null ? '' : DateTime.fromMillis(at, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
  return report.rows.flatMap((row) =>
    row.offlineClocks.map((c) => [
      row.name,
      row.departmentName ?? '',
      c.date,
      offlineHeadings[language][c.kind],
      time(c.clickedAt, row.timeZone),
      time(c.receivedAt, row.timeZone),
    ]),
  );
}

/** An XLSX with a bold, frozen header row and numbers as numbers; a second sheet lists the offline clocks. */
export async function reportXlsx(report: DepartmentReport, language: ContentLanguage): Promise<Buffer> {
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const header = headings(language).map(bold);
  const body = report.rows.map((row) =>
    columns.map((c) => {
      const value = inertCell(c.value(row));
      return typeof value === 'number' ? { value, type: Number } : { value, type: String };
    }),
  );
  const offline = [
    offlineHeadings[language].columns.map(bold),
    ...offlineClockRows(report, language).map((cells) =>
      cells.map((value) => ({ value: String(inertCell(value)), type: String })),
    ),
  ];
  return writeXlsxFile([
    { data: [header, ...body], sheet: report.month, columns: columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 },
    {
      data: offline,
      sheet: offlineHeadings[language].sheet,
      columns: offlineHeadings[language].columns.map(() => ({ width: 20 })),
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}

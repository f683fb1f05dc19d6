import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import writeXlsxFile from 'write-excel-file/node';
import type { MonthTotals } from '../../../shared/domain/attendance/index.ts';
import type { DepartmentReport } from './attendance-report.ts';

export type ExportLanguage = 'en' | 'zh-CN';

interface Column {
  header: Record<ExportLanguage, string>;
  value: (row: DepartmentReport['rows'][number]) => string | number;
  width: number;
}

const total = (key: keyof MonthTotals) => (row: DepartmentReport['rows'][number]) => row.totals[key];

/** The export's columns: the same figures the report shows, hours with one decimal. */
const columns: Column[] = [
  { header: { en: 'Name', 'zh-CN': '姓名' }, value: (r) => r.name, width: 18 },
  { header: { en: 'Department', 'zh-CN': '部门' }, value: (r) => r.departmentName ?? '', width: 18 },
  { header: { en: 'Workdays', 'zh-CN': '应出勤天数' }, value: total('workdays'), width: 12 },
  { header: { en: 'On time', 'zh-CN': '正常' }, value: total('onTime'), width: 10 },
  { header: { en: 'Late', 'zh-CN': '迟到' }, value: total('late'), width: 8 },
  { header: { en: 'Late minutes', 'zh-CN': '迟到分钟' }, value: total('lateMinutes'), width: 12 },
  { header: { en: 'Left early', 'zh-CN': '早退' }, value: total('early'), width: 10 },
  { header: { en: 'Absent', 'zh-CN': '旷工' }, value: total('absent'), width: 8 },
  { header: { en: 'Missing clocks', 'zh-CN': '缺卡' }, value: total('missing'), width: 14 },
  { header: { en: 'On leave', 'zh-CN': '请假' }, value: total('onLeave'), width: 10 },
  { header: { en: 'Corrected', 'zh-CN': '补卡' }, value: total('corrected'), width: 10 },
  {
    header: { en: 'Hours worked', 'zh-CN': '工作时长(小时)' },
    value: (r) => Math.round(r.totals.workedMinutes / 6) / 10,
    width: 14,
  },
];

/** A cell that starts with = + - @ would run as a formula in Excel; prefix it so it stays text (CSV injection). */
export function inertCell(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV with a byte-order mark, so Excel opens Chinese names as UTF-8. */
export function reportCsv(report: DepartmentReport, language: ExportLanguage): Buffer {
  const rows = [columns.map((c) => c.header[language]), ...report.rows.map((row) => columns.map((c) => inertCell(c.value(row))))];
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(rows), 'utf8')]);
}

const offlineHeaders: Record<ExportLanguage, string[]> = {
  en: ['Name', 'Department', 'Date', 'Clock', 'Clicked at', 'Received at'],
  'zh-CN': ['姓名', '部门', '日期', '类型', '打卡时间', '送达时间'],
};
const kindNames: Record<ExportLanguage, Record<'in' | 'out', string>> = {
  en: { in: 'in', out: 'out' },
  'zh-CN': { in: '上班', out: '下班' },
};

/** The offline clocks, one row each: the click that counts and when the server received it. */
export function offlineClockRows(report: DepartmentReport, language: ExportLanguage): string[][] {
  const time = (at: number | null, zone: string) =>
    at === null ? '' : DateTime.fromMillis(at, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
  return report.rows.flatMap((row) =>
    row.offlineClocks.map((c) => [
      row.name,
      row.departmentName ?? '',
      c.date,
      kindNames[language][c.kind],
      time(c.clickedAt, row.timeZone),
      time(c.receivedAt, row.timeZone),
    ]),
  );
}

/** An XLSX with a bold, frozen header row and numbers as numbers; a second sheet lists the offline clocks. */
export async function reportXlsx(report: DepartmentReport, language: ExportLanguage): Promise<Buffer> {
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const header = columns.map((c) => bold(c.header[language]));
  const body = report.rows.map((row) =>
    columns.map((c) => {
      const value = inertCell(c.value(row));
      return typeof value === 'number' ? { value, type: Number } : { value, type: String };
    }),
  );
  const offline = [
    offlineHeaders[language].map(bold),
    ...offlineClockRows(report, language).map((cells) =>
      cells.map((value) => ({ value: String(inertCell(value)), type: String })),
    ),
  ];
  return writeXlsxFile([
    { data: [header, ...body], sheet: report.month, columns: columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 },
    {
      data: offline,
      sheet: language === 'zh-CN' ? '离线打卡' : 'Offline clocks',
      columns: offlineHeaders.en.map(() => ({ width: 20 })),
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}

import type { ContentLanguage } from '../../../shared/domain/localized-text.ts';

/**
 * The attendance export's words in every UI language, as each place's HR writes them (Taiwan's
 * 曠職 and 補打卡, Russia's прогул and табель words, Norway's fravær and stempling). Typed by
 * `ContentLanguage`, so a language added to the app cannot ship without its headings.
 */
export type ReportColumn =
  | 'name'
  | 'department'
  | 'workdays'
  | 'onTime'
  | 'late'
  | 'lateMinutes'
  | 'early'
  | 'absent'
  | 'missing'
  | 'onLeave'
  | 'corrected'
  | 'hours';

export const reportHeadings: Record<ContentLanguage, Record<ReportColumn, string>> = {
  en: {
    name: 'Name',
    department: 'Department',
    workdays: 'Workdays',
    onTime: 'On time',
    late: 'Late',
    lateMinutes: 'Late minutes',
    early: 'Left early',
    absent: 'Absent',
    missing: 'Missing clocks',
    onLeave: 'On leave',
    corrected: 'Corrected',
    hours: 'Hours worked',
  },
  'zh-CN': {
    name: '姓名',
    department: '部门',
    workdays: '应出勤天数',
    onTime: '正常',
    late: '迟到',
    lateMinutes: '迟到分钟',
    early: '早退',
    absent: '旷工',
    missing: '缺卡',
    onLeave: '请假',
    corrected: '补卡',
    hours: '工作时长(小时)',
  },
  'zh-TW': {
    name: '姓名',
    department: '部門',
    workdays: '應出勤天數',
    onTime: '正常',
    late: '遲到',
    lateMinutes: '遲到分鐘',
    early: '早退',
    absent: '曠職',
    missing: '未打卡',
    onLeave: '請假',
    corrected: '補打卡',
    hours: '工作時數(小時)',
  },
  he: {
    name: 'שם',
    department: 'מחלקה',
    workdays: 'ימי עבודה',
    onTime: 'בזמן',
    late: 'איחורים',
    lateMinutes: 'דקות איחור',
    early: 'יציאות מוקדמות',
    absent: 'היעדרויות',
    missing: 'החתמות חסרות',
    onLeave: 'בחופשה',
    corrected: 'תוקנו',
    hours: 'שעות עבודה',
  },
  ru: {
    name: 'ФИО',
    department: 'Подразделение',
    workdays: 'Рабочих дней',
    onTime: 'Вовремя',
    late: 'Опозданий',
    lateMinutes: 'Минут опозданий',
    early: 'Ранних уходов',
    absent: 'Прогулов',
    missing: 'Пропущенных отметок',
    onLeave: 'Дней отпуска',
    corrected: 'Исправлено',
    hours: 'Отработано часов',
  },
  nb: {
    name: 'Navn',
    department: 'Avdeling',
    workdays: 'Arbeidsdager',
    onTime: 'I tide',
    late: 'For sent',
    lateMinutes: 'Minutter for sent',
    early: 'Gikk tidlig',
    absent: 'Fravær',
    missing: 'Manglende stemplinger',
    onLeave: 'Permisjon',
    corrected: 'Rettet',
    hours: 'Arbeidstimer',
  },
};

/** The second sheet: offline clocks, one row each. */
export const offlineHeadings: Record<ContentLanguage, { sheet: string; columns: string[]; in: string; out: string }> = {
  en: {
    sheet: 'Offline clocks',
    columns: ['Name', 'Department', 'Date', 'Clock', 'Clicked at', 'Received at'],
    in: 'in',
    out: 'out',
  },
  'zh-CN': { sheet: '离线打卡', columns: ['姓名', '部门', '日期', '类型', '打卡时间', '送达时间'], in: '上班', out: '下班' },
  'zh-TW': { sheet: '離線打卡', columns: ['姓名', '部門', '日期', '類型', '打卡時間', '送達時間'], in: '上班', out: '下班' },
  he: { sheet: 'החתמות ללא חיבור', columns: ['שם', 'מחלקה', 'תאריך', 'החתמה', 'נלחץ ב־', 'התקבל ב־'], in: 'כניסה', out: 'יציאה' },
  ru: {
    sheet: 'Отметки без связи',
    columns: ['ФИО', 'Подразделение', 'Дата', 'Отметка', 'Нажато', 'Получено'],
    in: 'приход',
    out: 'уход',
  },
  nb: {
    sheet: 'Frakoblede stemplinger',
    columns: ['Navn', 'Avdeling', 'Dato', 'Stempling', 'Trykket', 'Mottatt'],
    in: 'inn',
    out: 'ut',
  },
};

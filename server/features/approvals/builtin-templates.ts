import type { ApprovalTemplate, LocalizedText } from '../../../shared/domain/approvals/template.ts';

/**
 * The templates every Portico server starts with; admins change them afterwards as data. Each name
 * is written in the six UI languages with each place's own words (請假 and 特休 in Taiwan,
 * отгул in Russia, avspasering in Norway), not converted from another language.
 */
const t = (en: string, zhCN: string, zhTW: string, he: string, ru: string, nb: string): LocalizedText => ({
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  he,
  ru,
  nb,
});

const manager = {
  name: t('Manager', '直属上级', '直屬主管', 'מנהל ישיר', 'Руководитель', 'Nærmeste leder'),
  approvers: { kind: 'manager' },
  mode: 'any',
} as const;
const reason = {
  key: 'reason',
  type: 'text',
  label: t('Reason', '事由', '事由', 'סיבה', 'Причина', 'Begrunnelse'),
  required: true,
  maxLength: 200,
} as const;

export const builtinTemplates: ApprovalTemplate[] = [
  {
    key: 'leave',
    name: t('Leave', '请假', '請假', 'חופשה', 'Отпуск', 'Ferie og permisjon'),
    description: t(
      'Annual, sick or personal leave.',
      '年假、病假、事假等。',
      '特休、病假、事假等。',
      'חופשה שנתית, מחלה או חופשה אישית.',
      'Ежегодный отпуск, больничный или отпуск за свой счёт.',
      'Ferie, sykefravær eller permisjon.',
    ),
    enabled: true,
    titleField: 'reason',
    fields: [
      {
        key: 'leaveType',
        type: 'select',
        label: t('Type', '假期类型', '假別', 'סוג', 'Вид', 'Type'),
        required: true,
        options: [
          { value: 'annual', label: t('Annual leave', '年假', '特休', 'חופשה שנתית', 'Ежегодный отпуск', 'Ferie') },
          { value: 'sick', label: t('Sick leave', '病假', '病假', 'חופשת מחלה', 'Больничный', 'Sykefravær') },
          {
            value: 'personal',
            label: t('Personal leave', '事假', '事假', 'חופשה אישית', 'Отпуск за свой счёт', 'Permisjon uten lønn'),
          },
          {
            value: 'marriage',
            label: t(
              'Marriage leave',
              '婚假',
              '婚假',
              'חופשת נישואין',
              'Отпуск по случаю свадьбы',
              'Velferdspermisjon ved bryllup',
            ),
          },
          {
            value: 'parental',
            label: t(
              'Parental leave',
              '产假/陪产假',
              '產假／陪產假',
              'חופשת לידה/הורות',
              'Отпуск по уходу за ребёнком',
              'Foreldrepermisjon',
            ),
          },
        ],
      },
      { key: 'start', type: 'date', label: t('From', '开始日期', '開始日期', 'מתאריך', 'С', 'Fra'), required: true },
      {
        key: 'startHalf',
        type: 'select',
        label: t('Starting', '开始时段', '開始時段', 'החל מ', 'Начало', 'Fra og med'),
        required: false,
        initial: 'am',
        options: [
          { value: 'am', label: t('In the morning', '上午', '上午', 'בבוקר', 'С утра', 'Om morgenen') },
          { value: 'pm', label: t('After lunch', '下午', '下午', 'אחרי הצהריים', 'После обеда', 'Etter lunsj') },
        ],
      },
      {
        key: 'end',
        type: 'date',
        label: t('To', '结束日期', '結束日期', 'עד תאריך', 'По', 'Til'),
        required: true,
        notBefore: 'start',
      },
      {
        key: 'endHalf',
        type: 'select',
        label: t('Until', '结束时段', '結束時段', 'עד', 'Окончание', 'Til og med'),
        required: false,
        initial: 'pm',
        options: [
          { value: 'pm', label: t('End of the day', '下班', '下班', 'סוף היום', 'До конца дня', 'Slutten av dagen') },
          { value: 'am', label: t('Lunch', '午休', '午休', 'הפסקת צהריים', 'До обеда', 'Lunsj') },
        ],
      },
      {
        key: 'days',
        type: 'number',
        label: t('Working days', '工作日天数', '工作天數', 'ימי עבודה', 'Рабочие дни', 'Arbeidsdager'),
        required: false,
        computed: true,
        min: 0.5,
        max: 60,
        step: 0.5,
      },
      reason,
    ],
    steps: [
      manager,
      {
        name: t('HR', '人事', '人資', 'משאבי אנוש', 'Отдел кадров', 'HR'),
        approvers: { kind: 'role', role: 'hr' },
        mode: 'any',
        when: { field: 'days', above: 3 },
      },
    ],
    sla: { remindAfterHours: 4, escalateAfterHours: 16 },
  },
  {
    key: 'expense',
    name: t('Expense', '报销', '費用報銷', 'החזר הוצאות', 'Авансовый отчёт', 'Utlegg'),
    description: t(
      'Claim back what you paid for the company.',
      '报销因公支出的费用。',
      '請領因公支出的費用。',
      'החזר על הוצאות ששילמת עבור החברה.',
      'Возмещение расходов, оплаченных вами за компанию.',
      'Få tilbake det du har lagt ut for firmaet.',
    ),
    enabled: true,
    titleField: 'purpose',
    fields: [
      {
        key: 'category',
        type: 'select',
        label: t('Category', '费用类别', '費用類別', 'קטגוריה', 'Категория', 'Kategori'),
        required: true,
        options: [
          { value: 'travel', label: t('Travel', '差旅', '差旅', 'נסיעות', 'Командировки', 'Reise') },
          {
            value: 'meals',
            label: t(
              'Meals and entertainment',
              '餐饮招待',
              '餐飲交際',
              'ארוחות ואירוח',
              'Питание и представительские',
              'Måltider og representasjon',
            ),
          },
          { value: 'office', label: t('Office supplies', '办公用品', '辦公用品', 'ציוד משרדי', 'Канцтовары', 'Kontorrekvisita') },
          { value: 'other', label: t('Other', '其他', '其他', 'אחר', 'Другое', 'Annet') },
        ],
      },
      {
        key: 'amount',
        type: 'number',
        label: t('Amount', '金额', '金額', 'סכום', 'Сумма', 'Beløp'),
        required: true,
        min: 0.01,
        max: 1_000_000,
        step: 0.01,
        unit: t('CNY', '元', '人民幣', 'יואן', 'юаней', 'CNY'),
      },
      {
        key: 'purpose',
        type: 'text',
        label: t('Purpose', '用途', '用途', 'מטרה', 'Назначение', 'Formål'),
        required: true,
        maxLength: 200,
      },
      {
        key: 'details',
        type: 'longText',
        label: t('Details', '明细', '明細', 'פירוט', 'Подробности', 'Detaljer'),
        required: false,
        maxLength: 4000,
      },
    ],
    steps: [
      manager,
      {
        name: t('Finance', '财务', '財務', 'כספים', 'Бухгалтерия', 'Økonomi'),
        approvers: { kind: 'role', role: 'finance' },
        mode: 'any',
        when: { field: 'amount', above: 5000 },
      },
    ],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
  {
    key: 'overtime',
    name: t('Overtime', '加班', '加班', 'שעות נוספות', 'Сверхурочная работа', 'Overtid'),
    description: t(
      'Work outside your hours, paid or as time off.',
      '工作时间以外的加班，计薪或调休。',
      '上班時間以外的加班，支薪或補休。',
      'עבודה מחוץ לשעות, בתשלום או כיום חופש.',
      'Работа сверх графика: с оплатой или отгулом.',
      'Arbeid utenom arbeidstiden, betalt eller som avspasering.',
    ),
    enabled: true,
    titleField: 'reason',
    fields: [
      { key: 'date', type: 'date', label: t('Date', '日期', '日期', 'תאריך', 'Дата', 'Dato'), required: true },
      {
        key: 'hours',
        type: 'number',
        label: t('Hours', '小时数', '時數', 'שעות', 'Часы', 'Timer'),
        required: true,
        min: 0.5,
        max: 12,
        step: 0.5,
      },
      {
        key: 'compensation',
        type: 'select',
        label: t('Compensation', '补偿方式', '補償方式', 'תגמול', 'Компенсация', 'Kompensasjon'),
        required: true,
        options: [
          {
            value: 'pay',
            label: t('Overtime pay', '加班费', '加班費', 'תשלום שעות נוספות', 'Оплата сверхурочных', 'Overtidsbetaling'),
          },
          { value: 'time_off', label: t('Time off in lieu', '调休', '補休', 'יום חופש במקום', 'Отгул', 'Avspasering') },
        ],
      },
      reason,
    ],
    steps: [manager],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
  {
    key: 'business_trip',
    name: t('Business trip', '出差', '出差', 'נסיעת עבודה', 'Командировка', 'Tjenestereise'),
    description: t(
      'Travel for work, with its budget.',
      '因公出差及预算。',
      '因公出差及預算。',
      'נסיעה לצורכי עבודה, עם התקציב שלה.',
      'Поездка по работе и её бюджет.',
      'Reise i jobben, med budsjett.',
    ),
    enabled: true,
    titleField: 'destination',
    fields: [
      {
        key: 'destination',
        type: 'text',
        label: t('Destination', '目的地', '目的地', 'יעד', 'Куда', 'Reisemål'),
        required: true,
        maxLength: 100,
      },
      { key: 'start', type: 'date', label: t('From', '出发日期', '出發日期', 'יציאה', 'Отъезд', 'Avreise'), required: true },
      {
        key: 'end',
        type: 'date',
        label: t('To', '返回日期', '返回日期', 'חזרה', 'Возвращение', 'Hjemreise'),
        required: true,
        notBefore: 'start',
      },
      {
        key: 'budget',
        type: 'number',
        label: t('Budget', '预算', '預算', 'תקציב', 'Бюджет', 'Budsjett'),
        required: true,
        min: 0,
        max: 1_000_000,
        step: 0.01,
        unit: t('CNY', '元', '人民幣', 'יואן', 'юаней', 'CNY'),
      },
      {
        key: 'purpose',
        type: 'longText',
        label: t('Purpose', '出差事由', '出差事由', 'מטרת הנסיעה', 'Цель поездки', 'Formål med reisen'),
        required: true,
        maxLength: 2000,
      },
    ],
    steps: [
      manager,
      {
        name: t('Finance', '财务', '財務', 'כספים', 'Бухгалтерия', 'Økonomi'),
        approvers: { kind: 'role', role: 'finance' },
        mode: 'any',
        when: { field: 'budget', above: 10_000 },
      },
    ],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
  {
    key: 'makeup_clock',
    name: t('Make-up clock-in', '补卡', '補打卡', 'השלמת החתמה', 'Корректировка отметки', 'Etterregistrering'),
    description: t(
      'Correct a missed clock-in or clock-out.',
      '补记漏打的上下班卡。',
      '補登漏打的上下班卡。',
      'תיקון החתמת כניסה או יציאה שנשכחה.',
      'Исправление пропущенной отметки прихода или ухода.',
      'Rett opp en glemt inn- eller utstempling.',
    ),
    enabled: true,
    titleField: 'reason',
    fields: [
      { key: 'at', type: 'datetime', label: t('Time', '补卡时间', '補打卡時間', 'שעה', 'Время', 'Tidspunkt'), required: true },
      {
        key: 'kind',
        type: 'select',
        label: t('Clock', '类型', '類型', 'החתמה', 'Отметка', 'Stempling'),
        required: true,
        options: [
          { value: 'in', label: t('Clock in', '上班', '上班', 'כניסה', 'Приход', 'Inn') },
          { value: 'out', label: t('Clock out', '下班', '下班', 'יציאה', 'Уход', 'Ut') },
        ],
      },
      reason,
    ],
    steps: [
      manager,
      { name: t('HR', '人事', '人資', 'משאבי אנוש', 'Отдел кадров', 'HR'), approvers: { kind: 'role', role: 'hr' }, mode: 'any' },
    ],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
];

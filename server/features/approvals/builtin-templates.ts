import type { ApprovalTemplate, LocalizedText } from '../../../shared/domain/approvals/template.ts';

/** The templates every Portico server starts with; admins change them afterwards as data. */
const t = (en: string, zh: string, he: string): LocalizedText => ({ en, 'zh-CN': zh, he });

const manager = { name: t('Manager', '直属上级', 'מנהל ישיר'), approvers: { kind: 'manager' }, mode: 'any' } as const;
const reason = { key: 'reason', type: 'text', label: t('Reason', '事由', 'סיבה'), required: true, maxLength: 200 } as const;

export const builtinTemplates: ApprovalTemplate[] = [
  {
    key: 'leave',
    name: t('Leave', '请假', 'חופשה'),
    description: t('Annual, sick or personal leave.', '年假、病假、事假等。', 'חופשה שנתית, מחלה או חופשה אישית.'),
    enabled: true,
    titleField: 'reason',
    fields: [
      {
        key: 'leaveType',
        type: 'select',
        label: t('Type', '假期类型', 'סוג'),
        required: true,
        options: [
          { value: 'annual', label: t('Annual leave', '年假', 'חופשה שנתית') },
          { value: 'sick', label: t('Sick leave', '病假', 'חופשת מחלה') },
          { value: 'personal', label: t('Personal leave', '事假', 'חופשה אישית') },
          { value: 'marriage', label: t('Marriage leave', '婚假', 'חופשת נישואין') },
          { value: 'parental', label: t('Parental leave', '产假/陪产假', 'חופשת לידה/הורות') },
        ],
      },
      { key: 'start', type: 'date', label: t('From', '开始日期', 'מתאריך'), required: true },
      {
        key: 'startHalf',
        type: 'select',
        label: t('Starting', '开始时段', 'החל מ'),
        required: false,
        initial: 'am',
        options: [
          { value: 'am', label: t('In the morning', '上午', 'בבוקר') },
          { value: 'pm', label: t('After lunch', '下午', 'אחרי הצהריים') },
        ],
      },
      { key: 'end', type: 'date', label: t('To', '结束日期', 'עד תאריך'), required: true, notBefore: 'start' },
      {
        key: 'endHalf',
        type: 'select',
        label: t('Until', '结束时段', 'עד'),
        required: false,
        initial: 'pm',
        options: [
          { value: 'pm', label: t('End of the day', '下班', 'סוף היום') },
          { value: 'am', label: t('Lunch', '午休', 'הפסקת צהריים') },
        ],
      },
      {
        key: 'days',
        type: 'number',
        label: t('Working days', '工作日天数', 'ימי עבודה'),
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
        name: t('HR', '人事', 'משאבי אנוש'),
        approvers: { kind: 'role', role: 'hr' },
        mode: 'any',
        when: { field: 'days', above: 3 },
      },
    ],
    sla: { remindAfterHours: 4, escalateAfterHours: 16 },
  },
  {
    key: 'expense',
    name: t('Expense', '报销', 'החזר הוצאות'),
    description: t('Claim back what you paid for the company.', '报销因公支出的费用。', 'החזר על הוצאות ששילמת עבור החברה.'),
    enabled: true,
    titleField: 'purpose',
    fields: [
      {
        key: 'category',
        type: 'select',
        label: t('Category', '费用类别', 'קטגוריה'),
        required: true,
        options: [
          { value: 'travel', label: t('Travel', '差旅', 'נסיעות') },
          { value: 'meals', label: t('Meals and entertainment', '餐饮招待', 'ארוחות ואירוח') },
          { value: 'office', label: t('Office supplies', '办公用品', 'ציוד משרדי') },
          { value: 'other', label: t('Other', '其他', 'אחר') },
        ],
      },
      {
        key: 'amount',
        type: 'number',
        label: t('Amount', '金额', 'סכום'),
        required: true,
        min: 0.01,
        max: 1_000_000,
        step: 0.01,
        unit: t('CNY', '元', 'יואן'),
      },
      { key: 'purpose', type: 'text', label: t('Purpose', '用途', 'מטרה'), required: true, maxLength: 200 },
      { key: 'details', type: 'longText', label: t('Details', '明细', 'פירוט'), required: false, maxLength: 4000 },
    ],
    steps: [
      manager,
      {
        name: t('Finance', '财务', 'כספים'),
        approvers: { kind: 'role', role: 'finance' },
        mode: 'any',
        when: { field: 'amount', above: 5000 },
      },
    ],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
  {
    key: 'overtime',
    name: t('Overtime', '加班', 'שעות נוספות'),
    description: t(
      'Work outside your hours, paid or as time off.',
      '工作时间以外的加班，计薪或调休。',
      'עבודה מחוץ לשעות, בתשלום או כיום חופש.',
    ),
    enabled: true,
    titleField: 'reason',
    fields: [
      { key: 'date', type: 'date', label: t('Date', '日期', 'תאריך'), required: true },
      { key: 'hours', type: 'number', label: t('Hours', '小时数', 'שעות'), required: true, min: 0.5, max: 12, step: 0.5 },
      {
        key: 'compensation',
        type: 'select',
        label: t('Compensation', '补偿方式', 'תגמול'),
        required: true,
        options: [
          { value: 'pay', label: t('Overtime pay', '加班费', 'תשלום שעות נוספות') },
          { value: 'time_off', label: t('Time off in lieu', '调休', 'יום חופש במקום') },
        ],
      },
      reason,
    ],
    steps: [manager],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
  {
    key: 'business_trip',
    name: t('Business trip', '出差', 'נסיעת עבודה'),
    description: t('Travel for work, with its budget.', '因公出差及预算。', 'נסיעה לצורכי עבודה, עם התקציב שלה.'),
    enabled: true,
    titleField: 'destination',
    fields: [
      { key: 'destination', type: 'text', label: t('Destination', '目的地', 'יעד'), required: true, maxLength: 100 },
      { key: 'start', type: 'date', label: t('From', '出发日期', 'יציאה'), required: true },
      { key: 'end', type: 'date', label: t('To', '返回日期', 'חזרה'), required: true, notBefore: 'start' },
      {
        key: 'budget',
        type: 'number',
        label: t('Budget', '预算', 'תקציב'),
        required: true,
        min: 0,
        max: 1_000_000,
        step: 0.01,
        unit: t('CNY', '元', 'יואן'),
      },
      { key: 'purpose', type: 'longText', label: t('Purpose', '出差事由', 'מטרת הנסיעה'), required: true, maxLength: 2000 },
    ],
    steps: [
      manager,
      {
        name: t('Finance', '财务', 'כספים'),
        approvers: { kind: 'role', role: 'finance' },
        mode: 'any',
        when: { field: 'budget', above: 10_000 },
      },
    ],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
  {
    key: 'makeup_clock',
    name: t('Make-up clock-in', '补卡', 'השלמת החתמה'),
    description: t('Correct a missed clock-in or clock-out.', '补记漏打的上下班卡。', 'תיקון החתמת כניסה או יציאה שנשכחה.'),
    enabled: true,
    titleField: 'reason',
    fields: [
      { key: 'at', type: 'datetime', label: t('Time', '补卡时间', 'שעה'), required: true },
      {
        key: 'kind',
        type: 'select',
        label: t('Clock', '类型', 'החתמה'),
        required: true,
        options: [
          { value: 'in', label: t('Clock in', '上班', 'כניסה') },
          { value: 'out', label: t('Clock out', '下班', 'יציאה') },
        ],
      },
      reason,
    ],
    steps: [manager, { name: t('HR', '人事', 'משאבי אנוש'), approvers: { kind: 'role', role: 'hr' }, mode: 'any' }],
    sla: { remindAfterHours: 8, escalateAfterHours: 24 },
  },
];

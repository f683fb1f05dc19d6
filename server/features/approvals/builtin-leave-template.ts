import type { ApprovalTemplate } from '../../../shared/domain/approvals/template.ts';
import { manager, reason, t } from './builtin-text.ts';

/** Leave: its length is computed from the dates, half-days and the requester's calendar; over 3 days goes to HR. */
export const leaveTemplate: ApprovalTemplate = {
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
};

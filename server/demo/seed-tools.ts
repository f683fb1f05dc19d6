import type { ToolDefinition } from '../../shared/domain/launcher/index.ts';
import { ToolDefinition as Definition } from '../../shared/domain/launcher/index.ts';
import type { LauncherService } from '../features/launcher/launcher-service.ts';

/**
 * The demo office's launcher: two web tools that sign in with tickets (served by the demo's sample
 * tool, so the whole flow works on one machine), a plain web page, a deep link and two programs.
 */
export async function seedDemoTools(launcher: LauncherService, serverUrl: string): Promise<string[]> {
  const skipped: string[] = [];
  const tool = (input: object): ToolDefinition | null => {
    // A ticket travels only over https or to this machine: on a plain-http office address the
    // signed-in demo tools are left out, and the log says why.
    const parsed = Definition.safeParse(input);
    if (!parsed.success) skipped.push(parsed.error.issues.map((i) => i.message).join('; '));
    return parsed.success ? parsed.data : null;
  };
  const tools: (ToolDefinition | null)[] = [
    tool({
      name: {
        en: 'Expense claims',
        'zh-CN': '差旅报销单',
        'zh-TW': '差旅費報銷',
        he: 'תביעות החזר הוצאות',
        ru: 'Авансовые отчёты',
        nb: 'Reiseregninger',
      },
      description: {
        en: 'Travel and expense claims in the finance system',
        'zh-CN': '财务系统中的差旅与费用报销',
        he: 'תביעות נסיעות והוצאות במערכת הכספים',
        'zh-TW': '財務系統中的差旅與費用報銷',
        ru: 'Командировочные и прочие расходы в финансовой системе',
        nb: 'Reiseregninger og utlegg i økonomisystemet',
      },
      category: { en: 'Finance', 'zh-CN': '财务', 'zh-TW': '財務', he: 'כספים', ru: 'Финансы', nb: 'Økonomi' },
      icon: '¥',
      color: '#2f855a',
      keywords: ['reimbursement', 'travel', 'baoxiao'],
      target: { kind: 'web', url: `${serverUrl}/demo/tools/expenses`, sso: { mode: 'query' } },
      position: 10,
    }),
    tool({
      name: {
        en: 'Contracts archive',
        'zh-CN': '合同档案',
        'zh-TW': '合約檔案',
        he: 'ארכיון חוזים',
        ru: 'Архив договоров',
        nb: 'Kontraktsarkiv',
      },
      description: {
        en: 'Signed contracts; opens signed in, in its own window',
        'zh-CN': '已签合同，在独立窗口中自动登录',
        he: 'חוזים חתומים; נפתח מחובר, בחלון משלו',
        'zh-TW': '已簽署的合約，在獨立視窗中自動登入',
        ru: 'Подписанные договоры; открывается с выполненным входом в отдельном окне',
        nb: 'Signerte kontrakter; åpnes pålogget i et eget vindu',
      },
      category: { en: 'Legal', 'zh-CN': '法务', 'zh-TW': '法務', he: 'משפטי', ru: 'Юридический отдел', nb: 'Juridisk' },
      icon: '§',
      color: '#6b46c1',
      target: { kind: 'web', url: `${serverUrl}/demo/tools/contracts`, sso: { mode: 'post' }, openIn: 'window' },
      position: 20,
    }),
    tool({
      name: {
        en: 'Staff handbook',
        'zh-CN': '员工手册',
        'zh-TW': '員工手冊',
        he: 'מדריך לעובד',
        ru: 'Справочник сотрудника',
        nb: 'Personalhåndbok',
      },
      category: { en: 'Company', 'zh-CN': '公司', 'zh-TW': '公司', he: 'חברה', ru: 'Компания', nb: 'Selskapet' },
      icon: 'H',
      color: '#3182ce',
      keywords: ['policy', 'wiki'],
      // An intranet page everyone may read: no single sign-on, so it must not ask for a ticket.
      target: { kind: 'web', url: `${serverUrl}/demo/pages/handbook`, openIn: 'browser' },
      position: 30,
    }),
    tool({
      name: {
        en: 'Leave request',
        'zh-CN': '请假申请',
        'zh-TW': '請假申請',
        he: 'בקשת חופשה',
        ru: 'Заявление на отпуск',
        nb: 'Fraværssøknad',
      },
      category: { en: 'Company', 'zh-CN': '公司', 'zh-TW': '公司', he: 'חברה', ru: 'Компания', nb: 'Selskapet' },
      icon: '✈',
      color: '#dd6b20',
      keywords: ['holiday', 'vacation', 'qingjia'],
      target: { kind: 'deeplink', link: 'portico://approvals/new?template=leave' },
      position: 40,
    }),
    tool({
      name: { en: 'Calculator', 'zh-CN': '计算器', 'zh-TW': '小算盤', he: 'מחשבון', ru: 'Калькулятор', nb: 'Kalkulator' },
      category: { en: 'Utilities', 'zh-CN': '实用工具', 'zh-TW': '公用程式', he: 'כלים', ru: 'Служебные', nb: 'Verktøy' },
      icon: '=',
      color: '#4a5568',
      target: {
        kind: 'program',
        paths: {
          win32: '%WINDIR%\\System32\\calc.exe',
          darwin: '/System/Applications/Calculator.app',
          linux: '/usr/bin/gnome-calculator',
        },
      },
      position: 50,
    }),
    tool({
      name: {
        en: 'Kingdee KIS accounting',
        'zh-CN': '金蝶 KIS 记账',
        'zh-TW': '金蝶 KIS 記帳',
        he: 'הנהלת חשבונות Kingdee KIS',
        ru: 'Бухгалтерия Kingdee KIS',
        nb: 'Kingdee KIS regnskap',
      },
      category: { en: 'Finance', 'zh-CN': '财务', 'zh-TW': '財務', he: 'כספים', ru: 'Финансы', nb: 'Økonomi' },
      icon: 'K',
      color: '#c53030',
      target: { kind: 'program', paths: { win32: 'C:\\Program Files\\Kingdee\\KIS\\KIS.exe' }, args: ['/lang:zh-CN'] },
      audience: { departmentIds: ['d_finance'] },
      position: 60,
    }),
  ];
  for (const definition of tools) if (definition) await launcher.create(definition);
  return skipped;
}

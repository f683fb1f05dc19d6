import type { ToolDefinition } from '../../shared/domain/launcher/index.ts';
import { ToolDefinition as Definition } from '../../shared/domain/launcher/index.ts';
import type { LauncherService } from '../features/launcher/launcher-service.ts';

/**
 * The demo office's launcher: two web tools that sign in with tickets (served by the demo's sample
 * tool, so the whole flow works on one machine), a plain web page, a deep link and two programs.
 */
export function seedDemoTools(launcher: LauncherService, serverUrl: string): string[] {
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
      name: { en: 'Expense claims', 'zh-CN': '差旅报销单', he: 'תביעות החזר הוצאות' },
      description: {
        en: 'Travel and expense claims in the finance system',
        'zh-CN': '财务系统中的差旅与费用报销',
        he: 'תביעות נסיעות והוצאות במערכת הכספים',
      },
      category: { en: 'Finance', 'zh-CN': '财务', he: 'כספים' },
      icon: '¥',
      color: '#2f855a',
      keywords: ['reimbursement', 'travel', 'baoxiao'],
      target: { kind: 'web', url: `${serverUrl}/demo/tools/expenses`, sso: { mode: 'query' } },
      position: 10,
    }),
    tool({
      name: { en: 'Contracts archive', 'zh-CN': '合同档案', he: 'ארכיון חוזים' },
      description: {
        en: 'Signed contracts; opens signed in, in its own window',
        'zh-CN': '已签合同，在独立窗口中自动登录',
        he: 'חוזים חתומים; נפתח מחובר, בחלון משלו',
      },
      category: { en: 'Legal', 'zh-CN': '法务', he: 'משפטי' },
      icon: '§',
      color: '#6b46c1',
      target: { kind: 'web', url: `${serverUrl}/demo/tools/contracts`, sso: { mode: 'post' }, openIn: 'window' },
      position: 20,
    }),
    tool({
      name: { en: 'Staff handbook', 'zh-CN': '员工手册', he: 'מדריך לעובד' },
      category: { en: 'Company', 'zh-CN': '公司', he: 'חברה' },
      icon: 'H',
      color: '#3182ce',
      keywords: ['policy', 'wiki'],
      // An intranet page everyone may read: no single sign-on, so it must not ask for a ticket.
      target: { kind: 'web', url: `${serverUrl}/demo/pages/handbook`, openIn: 'browser' },
      position: 30,
    }),
    tool({
      name: { en: 'Leave request', 'zh-CN': '请假申请', he: 'בקשת חופשה' },
      category: { en: 'Company', 'zh-CN': '公司', he: 'חברה' },
      icon: '✈',
      color: '#dd6b20',
      keywords: ['holiday', 'vacation', 'qingjia'],
      target: { kind: 'deeplink', link: 'portico://approvals/new?template=leave' },
      position: 40,
    }),
    tool({
      name: { en: 'Calculator', 'zh-CN': '计算器', he: 'מחשבון' },
      category: { en: 'Utilities', 'zh-CN': '实用工具', he: 'כלים' },
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
      name: { en: 'Kingdee KIS accounting', 'zh-CN': '金蝶 KIS 记账', he: 'הנהלת חשבונות Kingdee KIS' },
      category: { en: 'Finance', 'zh-CN': '财务', he: 'כספים' },
      icon: 'K',
      color: '#c53030',
      target: { kind: 'program', paths: { win32: 'C:\\Program Files\\Kingdee\\KIS\\KIS.exe' }, args: ['/lang:zh-CN'] },
      audience: { departmentIds: ['d_finance'] },
      position: 60,
    }),
  ];
  for (const definition of tools) if (definition) launcher.create(definition);
  return skipped;
}

import type { Role } from '../../shared/domain/user.ts';

/**
 * The demo office: a general manager over three departments, each with a leader who reports to
 * the general manager; one HR publisher and one IT admin.
 */
export const DEMO_PASSWORD = 'portico-demo';

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  departmentId: string;
  roles: Role[];
}

export const demoDepartments = [
  { id: 'd_exec', name: 'Management', leaderId: 'u_gao_jian' },
  { id: 'd_sales', name: 'Sales', leaderId: 'u_wang_fang' },
  { id: 'd_finance', name: 'Finance', leaderId: 'u_li_na' },
  { id: 'd_admin', name: 'Administration & HR', leaderId: 'u_zhao_lei' },
] as const;

const user = (username: string, displayName: string, departmentId: string, roles: Role[] = ['employee']): DemoUser => ({
  id: `u_${username.replace('.', '_')}`,
  username,
  displayName,
  departmentId,
  roles,
});

export const demoUsers: DemoUser[] = [
  user('gao.jian', '高健', 'd_exec', ['employee', 'leader']),
  user('wang.fang', '王芳', 'd_sales', ['employee', 'leader']),
  user('zhang.wei', '张伟', 'd_sales'),
  user('liu.yang', '刘洋', 'd_sales'),
  user('sun.li', '孙丽', 'd_sales'),
  user('zhou.jie', '周杰', 'd_sales'),
  user('li.na', '李娜', 'd_finance', ['employee', 'leader', 'finance']),
  user('wu.hao', '吴浩', 'd_finance', ['employee', 'finance']),
  user('zheng.xin', '郑欣', 'd_finance', ['employee', 'finance']),
  user('ma.lin', '马琳', 'd_finance'),
  user('zhao.lei', '赵磊', 'd_admin', ['employee', 'leader']),
  user('chen.jing', '陈静', 'd_admin', ['employee', 'hr', 'publisher']),
  user('huang.min', '黄敏', 'd_admin', ['employee', 'admin']),
  user('he.ping', '何平', 'd_admin'),
  user('xu.tao', '徐涛', 'd_admin'),
];

/**
 * Requests submitted through the real workflow, so each has its resolved chain and history. Their ages
 * stay inside the templates' escalation time, so a fresh demo does not start by escalating everything.
 */
export const demoApprovals = [
  {
    submitter: 'zhang.wei',
    template: 'leave',
    hoursAgo: 5,
    values: { leaveType: 'annual', start: '2026-12-03', end: '2026-12-04', days: 2, reason: 'Family visit in Chengdu' },
  },
  {
    submitter: 'liu.yang',
    template: 'expense',
    hoursAgo: 3,
    values: { category: 'meals', amount: 860, purpose: 'Client dinner with Huaxin Trading', details: null },
  },
  {
    submitter: 'sun.li',
    template: 'business_trip',
    hoursAgo: 2,
    values: {
      destination: 'Shanghai',
      start: '2026-12-08',
      end: '2026-12-10',
      budget: 4200,
      purpose: 'Trade fair and two client visits',
    },
  },
  {
    submitter: 'wu.hao',
    template: 'overtime',
    hoursAgo: 6,
    values: { date: '2026-11-28', hours: 4, compensation: 'time_off', reason: 'Month-end close' },
  },
  {
    submitter: 'he.ping',
    template: 'makeup_clock',
    hoursAgo: 1,
    values: { at: '2026-11-20T08:55', kind: 'in', reason: 'Badge reader was down at the main entrance' },
  },
] as const;

/** The demo's notices, oldest first; `onboarding` ones open every new account's feed. */
export const demoNotices = [
  {
    title: 'Welcome to Portico',
    body: [
      'Portico keeps **approvals**, **notices**, **attendance** and chat in your system tray.',
      '',
      'Start with **Home**: it shows what waits for you today.',
    ].join('\n'),
    priority: 'normal',
    requiresAck: false,
    pinned: false,
    onboarding: true,
    audience: { everyone: true },
  },
  {
    title: 'Getting started in five minutes',
    body: [
      '## Your first day',
      '',
      '1. **Clock in** from Home, the tray menu, or with `Ctrl+Alt+K`.',
      '2. **Approvals** waiting for you show a number on the tray icon; approve from the toast or the list.',
      '3. **Notices** marked *requires acknowledgement* need the button at the bottom.',
      '',
      '| Where | What |',
      '| --- | --- |',
      '| Home | today at a glance |',
      '| Approvals | requests and your decisions |',
      '| Attendance | your month, make-up clock-ins |',
      '',
      'Questions: see the [help centre](https://help.example.com/portico).',
    ].join('\n'),
    priority: 'normal',
    requiresAck: false,
    pinned: false,
    onboarding: true,
    audience: { everyone: true },
  },
  {
    title: 'Paper attendance forms stop on Monday',
    body: 'From Monday, clock in and out from Portico only. Paper forms will no longer be accepted.',
    priority: 'important',
    requiresAck: true,
    pinned: true,
    onboarding: false,
    audience: { everyone: true },
  },
  {
    title: 'Q4 targets and incentive plan',
    body: 'The Q4 targets per region are attached. Questions to your team leader.',
    priority: 'normal',
    requiresAck: false,
    pinned: false,
    onboarding: false,
    audience: { departmentIds: ['d_sales'] },
  },
] as const;

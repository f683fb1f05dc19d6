import type { Role } from '../../shared/domain/user.ts';

/** The demo office: three departments, each with a leader; one HR publisher and one IT admin. */
export const DEMO_PASSWORD = 'portico-demo';

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  departmentId: string;
  roles: Role[];
}

export const demoDepartments = [
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

export const demoApprovals = [
  {
    submitter: 'zhang.wei',
    template: 'leave',
    title: 'Annual leave, 2 days (Dec 4–5)',
    hoursAgo: 30,
  },
  {
    submitter: 'liu.yang',
    template: 'expense',
    title: 'Client dinner, ¥860',
    hoursAgo: 6,
  },
  {
    submitter: 'sun.li',
    template: 'business_trip',
    title: 'Trip to Shanghai, 3 days',
    hoursAgo: 2,
  },
  {
    submitter: 'wu.hao',
    template: 'overtime',
    title: 'Overtime Saturday, 4 h (month-end close)',
    hoursAgo: 20,
  },
  {
    submitter: 'he.ping',
    template: 'makeup_clock',
    title: 'Make-up clock-in, Nov 20 08:55',
    hoursAgo: 50,
  },
] as const;

export const demoNotices = [
  {
    title: 'Welcome to Portico',
    body: 'Portico keeps approvals, notices, attendance and chat in your system tray.\n\nStart with **Home**: it shows what waits for you today.',
    priority: 'normal',
    requiresAck: false,
    audience: { everyone: true, departmentIds: [], userIds: [] },
  },
  {
    title: 'Paper attendance forms stop on Monday',
    body: 'From Monday, clock in and out from Portico only. Paper forms will no longer be accepted.',
    priority: 'important',
    requiresAck: true,
    audience: { everyone: true, departmentIds: [], userIds: [] },
  },
  {
    title: 'Q4 targets and incentive plan',
    body: 'The Q4 targets per region are attached. Questions to your team leader.',
    priority: 'normal',
    requiresAck: false,
    audience: { everyone: false, departmentIds: ['d_sales'], userIds: [] },
  },
] as const;

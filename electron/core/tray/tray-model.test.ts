import { describe, expect, it } from 'vitest';
import type { ApprovalTaskSummary } from '../../../shared/domain/approvals/request.ts';
import { translatorFor } from '../i18n/core-i18n.ts';
import { buildTrayModel } from './tray-model.ts';

const task = (n: number): ApprovalTaskSummary => ({
  id: `t${n}`,
  requestId: `r${n}`,
  templateKey: 'expense',
  templateName: { en: 'Expense', 'zh-CN': '报销' },
  title: n === 1 ? 'A very long purpose that will not fit in a tray menu line at all, really' : `Receipt ${n}`,
  submitter: { id: 'u', name: '刘洋' },
  submittedAt: n,
  assignedAt: n,
  stepName: { en: 'Manager', 'zh-CN': '直属上级' },
  via: 'direct',
  onBehalfOf: null,
  remindAt: 0,
  escalateAt: 0,
  source: 'portico',
  figure: null,
});

const home = {
  pendingApprovals: 7,
  unreadNotices: 2,
  unacknowledgedRequired: 1,
  lastClock: null,
  queuedClock: null,
  today: null,
  urgentNotices: [],
  doNotDisturbUntil: null,
  unreadChats: 0,
  chatMentions: 0,
};
const connection = { state: 'online' as const, nextRetryAt: null, queuedActions: 0 };

describe('buildTrayModel', () => {
  it('lists the five oldest tasks with Approve and Open, and counts the rest', () => {
    const pending = Array.from({ length: 7 }, (_, i) => task(i + 1));
    const model = buildTrayModel(home, connection, pending, 'zh-CN', translatorFor('zh-CN'));
    expect(model.badge).toBe(8);
    expect(model.attention).toBe(true);
    const tasks = model.items.filter((i) => i.kind === 'task');
    expect(tasks).toHaveLength(5);
    expect(tasks[0]).toMatchObject({ taskId: 't1', route: 'approvals/r1', approveLabel: '同意', openLabel: '查看' });
    expect(tasks[0]!.label.length).toBeLessThanOrEqual(48);
    expect(model.items).toContainEqual({ kind: 'route', label: '还有 2 条…', route: 'approvals' });
    expect(model.tooltip).toBe('Portico：7 条待审批，2 条未读公告');
    // Clocking is one click from the tray, with the global shortcut shown beside it.
    expect(model.items).toContainEqual({ kind: 'clock', label: '上班打卡', accelerator: 'CommandOrControl+Alt+K' });
  });

  it('turns urgent while an urgent notice waits, listing it first with a way to open it', () => {
    const urgentHome = { ...home, urgentNotices: [{ id: 'n_fire', title: 'Fire drill at 15:00: leave by the east stairs' }] };
    const model = buildTrayModel(urgentHome, connection, [], 'en', translatorFor('en'));
    expect(model.urgent).toBe(true);
    expect(model.items[0]).toEqual({
      kind: 'route',
      label: 'Urgent: Fire drill at 15:00: leave by the east …',
      route: 'notices/n_fire',
    });
    expect(model.tooltip).toContain('1 urgent notice to acknowledge');
    expect(buildTrayModel(home, connection, [], 'en', translatorFor('en')).urgent).toBe(false);
  });

  it('shows no task section and no attention when nothing waits', () => {
    const model = buildTrayModel(
      { ...home, pendingApprovals: 0, unacknowledgedRequired: 0 },
      connection,
      [],
      'en',
      translatorFor('en'),
    );
    expect(model.attention).toBe(false);
    expect(model.items.some((i) => i.kind === 'task')).toBe(false);
    expect(model.items.at(-1)).toEqual({ kind: 'quit', label: 'Quit Portico' });
  });

  it('counts unread chat messages in the badge and names mentions in the menu', () => {
    const model = buildTrayModel({ ...home, unreadChats: 4, chatMentions: 1 }, connection, [], 'en', translatorFor('en'));
    expect(model.badge).toBe(home.pendingApprovals + home.unacknowledgedRequired + 4);
    const chat = model.items.find((item) => item.kind === 'route' && item.route === 'chat');
    expect(chat?.kind === 'route' && chat.label).toBe('Chat: 4 unread, you were mentioned');
  });
});

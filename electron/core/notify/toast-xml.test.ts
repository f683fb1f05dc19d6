import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  type ToastCall,
  dispatchToastCall,
  parseToastArguments,
  toastArguments,
  toastEffect,
} from '../../../shared/bridge/toast-actions.ts';
import type { ToastView } from '../../../shared/bridge/views.ts';
import { toastXml } from './toast-xml.ts';

/** Text that breaks naive XML: markup characters, a control character, right-to-left text, an emoji. */
const HOSTILE = 'R&D <budget> "Q3" \'final\' \u0007 תקציב 预算 🎯';

const base: Pick<ToastView, 'taskId' | 'actions'> = { taskId: null, actions: [] };
/** One toast of every kind (a new kind fails to compile until it is added here). */
const toasts: Record<ToastView['kind'], ToastView> = {
  'approval.assigned': {
    id: 'a1',
    kind: 'approval.assigned',
    title: `Expense: ${HOSTILE}`,
    body: 'Wang Fang · ¥1,200',
    route: 'approvals/r_1',
    taskId: 't_1',
    actions: [
      { id: 'approve', label: 'Approve' },
      { id: 'open', label: 'Open' },
    ],
  },
  'approval.reminder': {
    ...base,
    id: 'a2',
    kind: 'approval.reminder',
    title: 'Waiting 3 days',
    body: HOSTILE,
    route: 'approvals/r_2',
    taskId: 't_2',
    actions: [{ id: 'approve', label: 'Approve' }],
  },
  'approval.digest': {
    ...base,
    id: 'a3',
    kind: 'approval.digest',
    title: '4 new approvals',
    body: 'Oldest: 2 days',
    route: 'approvals',
    actions: [{ id: 'open', label: 'Open' }],
  },
  'approval.decided': { ...base, id: 'a4', kind: 'approval.decided', title: 'Approved', body: HOSTILE, route: 'approvals/r_3' },
  'attendance.clockIn': {
    ...base,
    id: 'c1',
    kind: 'attendance.clockIn',
    title: 'Clock in?',
    body: 'You are at the office',
    route: 'attendance',
    actions: [{ id: 'clockIn', label: 'Clock in' }],
  },
  'attendance.clockOut': {
    ...base,
    id: 'c2',
    kind: 'attendance.clockOut',
    title: 'Clock out?',
    body: '18:05',
    route: 'attendance',
    actions: [{ id: 'clockOut', label: 'Clock out' }],
  },
  'notice.new': {
    ...base,
    id: 'n1',
    kind: 'notice.new',
    title: HOSTILE,
    body: 'From HR',
    route: 'notices/n_1',
    actions: [{ id: 'open', label: 'Read' }],
  },
  'notice.urgent': {
    ...base,
    id: 'urgent:n_2',
    kind: 'notice.urgent',
    urgent: true,
    title: `Urgent: ${HOSTILE}`,
    body: 'From the office',
    route: 'notices/n_2',
    actions: [{ id: 'open', label: 'Read now' }],
  },
  'notice.reminded': {
    ...base,
    id: 'n3',
    kind: 'notice.reminded',
    title: 'Please acknowledge',
    body: 'x'.repeat(1000),
    route: 'notices',
  },
  brief: { ...base, id: 'b1', kind: 'brief', title: 'Your day', body: '3 approvals, 1 notice', route: 'home' },
  kudos: { ...base, id: 'k1', kind: 'kudos', title: 'Wang Fang thanked you', body: HOSTILE, route: 'people' },
  'chat.message': {
    ...base,
    id: 'm1',
    kind: 'chat.message',
    title: 'Li Na',
    body: HOSTILE,
    route: 'chat/c_0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  },
};

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['text', 'action'].includes(name),
});
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node]);

/** The rules of Windows' toast schema (learn.microsoft.com, "Toast content schema") that a toast can break. */
function schemaProblems(xml: string): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed: ${valid.err.msg}`];
  if (Buffer.byteLength(xml) > 5 * 1024) problems.push('over the 5 KB payload limit');
  const doc = parser.parse(xml) as Node;
  if (Object.keys(doc).join() !== 'toast') return ['the root must be <toast>'];
  const toast = doc.toast as Node;
  const attrs = ['launch', 'duration', 'displayTimestamp', 'scenario', 'activationType', 'useButtonStyle'];
  for (const key of Object.keys(toast))
    if (!['visual', 'actions', 'audio', 'header', ...attrs].includes(key)) problems.push(`<toast> has no ${key}`);
  if (toast.duration !== undefined && !['short', 'long'].includes(String(toast.duration))) problems.push('duration');
  if (toast.scenario !== undefined && !['reminder', 'alarm', 'incomingCall', 'urgent'].includes(String(toast.scenario)))
    problems.push('scenario');
  if (!['foreground', 'background', 'protocol'].includes(String(toast.activationType ?? 'foreground')))
    problems.push('activationType');
  const bindings = list((toast.visual as Node | undefined)?.binding);
  if (bindings.length !== 1 || bindings[0]!.template !== 'ToastGeneric') problems.push('one ToastGeneric binding');
  const texts = list(bindings[0]?.text);
  if (texts.length < 1 || texts.length > 3) problems.push('1 to 3 text elements');
  const actions = list((toast.actions as Node | undefined)?.action);
  if (actions.length > 5) problems.push('at most 5 actions');
  for (const action of actions) {
    if (!action.content || !action.arguments) problems.push('an action needs content and arguments');
    if (!['foreground', 'background', 'protocol'].includes(String(action.activationType ?? 'foreground')))
      problems.push('action activationType');
  }
  if (['reminder', 'alarm'].includes(String(toast.scenario)) && actions.length === 0) problems.push('a reminder needs a button');
  return problems;
}

/** Records the bridge calls a press makes. */
function recorder() {
  const calls: ToastCall[] = [];
  const invoke = {
    'approvals.decide': async (params: ToastCall['params']) =>
      void calls.push({ method: 'approvals.decide', params } as ToastCall),
    'attendance.clock': async (params: ToastCall['params']) =>
      void calls.push({ method: 'attendance.clock', params } as ToastCall),
  };
  return { calls, invoke };
}

describe('Windows toast XML', () => {
  for (const toast of Object.values(toasts)) {
    it(`${toast.kind}: follows the toast schema, and keeps the text`, () => {
      const xml = toastXml(toast);
      expect(schemaProblems(xml)).toEqual([]);
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        processEntities: true,
        isArray: (n) => n === 'text',
      }).parse(xml) as {
        toast: Node & { visual: { binding: { text: (string | Node)[] } } };
      };
      const [title] = doc.toast.visual.binding.text;
      const titleText = typeof title === 'string' ? title : String(title!['#text']);
      expect(titleText).toBe(toast.title.replace('\u0007', ''));
      expect(doc.toast.scenario).toBe(toast.urgent ? 'urgent' : undefined);
    });

    it(`${toast.kind}: the body and every button carry arguments that make the same call as the window's button`, async () => {
      const doc = parser.parse(toastXml(toast)) as { toast: Node & { actions?: { action: Node[] } } };
      const launch = parseToastArguments(String(doc.toast.launch));
      expect(launch).toEqual({ action: 'body', route: toast.route, taskId: toast.taskId });
      const buttons = doc.toast.actions?.action ?? [];
      expect(buttons.map((b) => b.content)).toEqual(toast.actions.map((a) => a.label.replace('\u0007', '')));
      for (const [index, button] of buttons.entries()) {
        const fromWindows = recorder();
        const activation = parseToastArguments(String(button.arguments));
        expect(activation, String(button.arguments)).not.toBeNull();
        const pressed = toastEffect(activation!.action, activation!.taskId);
        if (pressed.call) await dispatchToastCall(pressed.call, fromWindows.invoke);
        const inWindow = recorder();
        const clicked = toastEffect(toast.actions[index]!.id, toast.taskId);
        if (clicked.call) await dispatchToastCall(clicked.call, inWindow.invoke);
        expect(fromWindows.calls).toEqual(inWindow.calls);
        expect(pressed.open).toBe(clicked.open);
      }
    });
  }

  it('the table: Approve decides the task and stays put; clocking clocks and shows the day; Open opens', () => {
    expect(toastEffect('approve', 't_9')).toEqual({
      call: { method: 'approvals.decide', params: { taskId: 't_9', decision: 'approve', comment: '' } },
      open: false,
    });
    expect(toastEffect('approve', null)).toEqual({ call: null, open: true });
    expect(toastEffect('clockIn', null)).toEqual({ call: { method: 'attendance.clock', params: { kind: 'in' } }, open: true });
    expect(toastEffect('clockOut', null)).toEqual({ call: { method: 'attendance.clock', params: { kind: 'out' } }, open: true });
    expect(toastEffect('open', 't_9')).toEqual({ call: null, open: true });
    expect(toastEffect('body', 't_9')).toEqual({ call: null, open: true });
  });

  it('refuses activation arguments it did not write', () => {
    expect(parseToastArguments(toastArguments({ action: 'approve', route: 'approvals/r_1', taskId: 't_1' }))).not.toBeNull();
    for (const forged of [
      '',
      'portico://approvals/r_1',
      'action=approve',
      'action=delete&route=approvals',
      'action=open&route=settings/../../etc',
      'action=open&route=https://evil.example/',
      'action=approve&route=approvals/r_1&task=t_1&extra=1',
      'action=approve&route=approvals/r_1&task=a%20b',
      `action=open&route=${'approvals/'.padEnd(2000, 'x')}`,
    ]) {
      expect(parseToastArguments(forged), forged).toBeNull();
    }
  });
});

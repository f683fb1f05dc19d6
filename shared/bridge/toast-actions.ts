import { parseDeepLink } from '../deep-link/deep-link.ts';
import { parseUrl } from '../web-url.ts';
import type { BridgeParams } from './contract.ts';
import type { ToastView } from './views.ts';

export type ToastActionId = ToastView['actions'][number]['id'];

/** The bridge call a toast button makes: the same call the window's own button makes. */
export type ToastCall =
  | { method: 'approvals.decide'; params: BridgeParams<'approvals.decide'> }
  | { method: 'attendance.clock'; params: BridgeParams<'attendance.clock'> };

/** What pressing a toast (its body, or one of its buttons) does: at most one call, then maybe open its item. */
export interface ToastEffect {
  call: ToastCall | null;
  /** Open the toast's route afterwards (bringing the window forward). */
  open: boolean;
}

/**
 * The one table of toast buttons, used wherever a toast is pressed: the in-window toast, Electron's
 * notification on macOS, and a Windows toast's activation arguments (also after a restart).
 * Approving from a toast leaves the window where it is; clocking shows the day it changed.
 */
export function toastEffect(action: ToastActionId | 'body', taskId: string | null): ToastEffect {
  switch (action) {
    case 'approve':
      return taskId
        ? { call: { method: 'approvals.decide', params: { taskId, decision: 'approve', comment: '' } }, open: false }
        : { call: null, open: true };
    case 'clockIn':
      return { call: { method: 'attendance.clock', params: { kind: 'in' } }, open: true };
    case 'clockOut':
      return { call: { method: 'attendance.clock', params: { kind: 'out' } }, open: true };
    case 'open':
    case 'body':
      return { call: null, open: true };
  }
}

/** A pressed toast, as carried by a Windows toast's `launch` or an action's `arguments`. */
export interface ToastActivation {
  action: ToastActionId | 'body';
  route: string;
  taskId: string | null;
}

const ACTIONS = new Set<ToastActivation['action']>(['body', 'approve', 'open', 'clockIn', 'clockOut']);

/**
 * Activation arguments in the query-string form Windows' samples use
 * (`action=approve&route=approvals%2Fr_1&task=t_1`). Deliberately not a `portico://` link: a web
 * page can open those, and must never approve anything by doing so.
 */
export function toastArguments(activation: ToastActivation): string {
  const pairs: [string, string][] = [
    ['action', activation.action],
    ['route', activation.route],
  ];
  if (activation.taskId) pairs.push(['task', activation.taskId]);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

/** Reads activation arguments back; null for anything this app did not write (the route is checked as a deep link is). */
export function parseToastArguments(raw: string): ToastActivation | null {
  if (raw.length > 1024 || raw.includes('#')) return null;
  const params = parseUrl(`https://toast.invalid/?${raw}`)?.searchParams;
  if (!params) return null;
  const action = params.get('action');
  const route = params.get('route');
  const taskId = params.get('task');
  if (!action || !ACTIONS.has(action as ToastActivation['action']) || route === null) return null;
  if (params.getAll('action').length > 1 || params.getAll('route').length > 1 || params.getAll('task').length > 1) return null;
  if ([...params.keys()].some((key) => key !== 'action' && key !== 'route' && key !== 'task')) return null;
  const link = parseDeepLink(`portico://${route}`);
  if (!link.ok || link.route !== route) return null;
  if (taskId !== null && !/^[A-Za-z0-9_.:-]{1,64}$/.test(taskId)) return null;
  return { action: action as ToastActivation['action'], route, taskId };
}

/** Makes a toast's call through whichever side of the bridge is at hand (core's handlers, or the page's bridge). */
export function dispatchToastCall(
  call: ToastCall,
  invoke: {
    'approvals.decide': (params: BridgeParams<'approvals.decide'>) => Promise<unknown>;
    'attendance.clock': (params: BridgeParams<'attendance.clock'>) => Promise<unknown>;
  },
): Promise<unknown> {
  return call.method === 'approvals.decide' ? invoke['approvals.decide'](call.params) : invoke['attendance.clock'](call.params);
}

/**
 * A toast pressed outside the window (an OS notification, a Windows toast's activation arguments,
 * also after a restart): the same table as the window's toast buttons decides what happens. Says
 * whether the item should now be shown, so the shell brings the window forward.
 */
export async function pressToast(
  activation: ToastActivation,
  invoke: Parameters<typeof dispatchToastCall>[1],
  openRoute: (route: string) => void,
): Promise<{ open: boolean }> {
  const effect = toastEffect(activation.action, activation.taskId);
  if (effect.call) await dispatchToastCall(effect.call, invoke);
  if (effect.open) openRoute(activation.route);
  return { open: effect.open };
}

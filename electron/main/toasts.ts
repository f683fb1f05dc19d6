import { type BrowserWindow, Notification } from 'electron';
import type { PorticoCore } from '../core/portico-core.ts';

/**
 * Core's toasts as OS notifications. Buttons appear where Electron supports them (macOS; Windows
 * needs a registered toast activator, so there a click opens the item instead); Approve calls the
 * same bridge handler as the window's button.
 */
export function showToasts(core: PorticoCore, window: BrowserWindow): void {
  core.events.on('toast', (toast) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({
      title: toast.title,
      body: toast.body,
      // Urgent notices: Linux shows them as critical (they stay until dismissed); Windows gets the
      // "urgent" toast scenario through toastXml in a later step (it needs the registered activator).
      urgency: toast.urgent ? 'critical' : 'normal',
      timeoutType: toast.urgent ? 'never' : 'default',
      actions: process.platform === 'darwin' ? toast.actions.map((a) => ({ type: 'button' as const, text: a.label })) : [],
    });
    const open = () => {
      window.show();
      window.focus();
      core.openRoute(toast.route);
    };
    notification.on('click', open);
    notification.on('action', (_event, index) => {
      const action = toast.actions[index];
      if (action?.id === 'approve' && toast.taskId) {
        void core.handlers['approvals.decide']({ taskId: toast.taskId, decision: 'approve', comment: '' });
      } else if (action?.id === 'clockIn' || action?.id === 'clockOut') {
        void core.handlers['attendance.clock']({ kind: action.id === 'clockIn' ? 'in' : 'out' });
      } else {
        open();
      }
    });
    notification.show();
  });
}

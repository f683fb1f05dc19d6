import { type BrowserWindow, Notification } from 'electron';
import { parseToastArguments } from '../../shared/bridge/toast-actions.ts';
import { toastXml } from '../core/notify/toast-xml.ts';
import type { PorticoCore } from '../core/portico-core.ts';

/**
 * Core's toasts as OS notifications; what pressing one does is core's (`pressToast`, the same
 * table as the window's toast buttons). On Windows the toast is toast XML with its buttons and the
 * "urgent" scenario, and presses arrive through `Notification.handleActivation`, which Windows
 * calls through the toast activator on the Start-menu shortcut even when Portico was not running.
 * macOS shows the buttons natively; Linux shows urgent toasts as critical.
 */
export function showToasts(core: PorticoCore, window: BrowserWindow): void {
  const press = (activation: Parameters<PorticoCore['pressToast']>[0]) =>
    void core.pressToast(activation).then(({ open }) => {
      if (!open) return;
      window.show();
      window.focus();
    });
  if (process.platform === 'win32') {
    Notification.handleActivation((details) => {
      const activation = parseToastArguments(details.arguments);
      if (activation) press(activation);
      else core.log.warn({ room: 'main' }, 'a toast activation this app did not write was ignored');
    });
  }
  core.events.on('toast', (toast) => {
    if (!Notification.isSupported()) return;
    const notification =
      process.platform === 'win32'
        ? new Notification({ toastXml: toastXml(toast) })
        : new Notification({
            title: toast.title,
            body: toast.body,
            urgency: toast.urgent ? 'critical' : 'normal',
            timeoutType: toast.urgent ? 'never' : 'default',
            actions: process.platform === 'darwin' ? toast.actions.map((a) => ({ type: 'button' as const, text: a.label })) : [],
          });
    if (process.platform !== 'win32') {
      notification.on('click', () => press({ action: 'body', route: toast.route, taskId: toast.taskId }));
      notification.on('action', (_event, index) => {
        const action = toast.actions[index];
        if (action) press({ action: action.id, route: toast.route, taskId: toast.taskId });
      });
    }
    notification.show();
  });
}

import { toastArguments } from '../../../shared/bridge/toast-actions.ts';
import type { ToastView } from '../../../shared/bridge/views.ts';

/** Characters XML 1.0 cannot carry at all (a control character in a title would void the whole toast). */
function xmlChars(text: string): string {
  return [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return (
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        code >= 0x10000
      );
    })
    .join('');
}

function escape(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A toast as Windows' toast XML (ToastGeneric), for Electron's `toastXml`. Activation is
 * "foreground": Windows hands the `launch` or action `arguments` to the app through the toast
 * activator the installers register (Electron's `Notification.handleActivation`), also when the
 * app was not running. Urgent notices use the "urgent" scenario (they break through Focus Assist
 * where IT allows it) and stay until dismissed.
 */
export function toastXml(toast: ToastView): string {
  const args = (action: ToastView['actions'][number]['id'] | 'body') =>
    escape(toastArguments({ action, route: toast.route, taskId: toast.taskId }));
  const scenario = toast.urgent ? ' scenario="urgent"' : '';
  const duration = toast.urgent ? ' duration="long"' : '';
  const actions = toast.actions
    .map((a) => `<action content="${escape(a.label)}" arguments="${args(a.id)}" activationType="foreground"/>`)
    .join('');
  return (
    `<toast launch="${args('body')}" activationType="foreground"${scenario}${duration}>` +
    `<visual><binding template="ToastGeneric"><text hint-maxLines="2">${escape(toast.title)}</text><text>${escape(toast.body)}</text></binding></visual>` +
    (actions ? `<actions>${actions}</actions>` : '') +
    `</toast>`
  );
}

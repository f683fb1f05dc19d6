import { spawn } from 'node:child_process';
import notifier from 'node-notifier';
import type { ToastView } from '../../shared/bridge/views.ts';
import type { CoreLog } from '../core/log/core-log.ts';
import type { OsToasts } from '../core/notify/os-toasts.ts';

/**
 * notify-send reads an argument that starts with "-" as an option: a title like "-u low" would
 * change the notification, not be its text. A word joiner in front keeps it text and shows nothing.
 */
const asText = (text: string) => (text.startsWith('-') ? `\u2060${text}` : text);

/** Opens a URL in the person's default browser (the page then opens the item). */
export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * The browser host's OS notifications, through node-notifier: notify-send (libnotify) on Linux,
 * SnoreToast on Windows, terminal-notifier on macOS. A browser's Web Notifications need an open
 * page; these reach the person with every tab closed. Where the platform reports a click (Windows,
 * macOS), it opens the page at the item.
 */
export function osNotifications(options: { wanted: () => boolean; openRoute: (route: string) => void; log: CoreLog }): OsToasts {
  const clickable = process.platform === 'win32' || process.platform === 'darwin';
  return {
    wanted: options.wanted,
    show(toast: ToastView) {
      notifier.notify(
        {
          title: asText(toast.title),
          message: asText(toast.body || toast.title),
          appID: 'Portico',
          wait: clickable,
          // Linux: urgent notices are "critical" (they stay until dismissed); node-notifier maps this for notify-send.
          ...(process.platform === 'linux' ? { urgency: toast.urgent ? 'critical' : 'normal', 'app-name': 'Portico' } : {}),
        },
        (error: Error | null, response: string) => {
          if (error) options.log.warn({ err: error, toast: toast.kind }, 'the OS notification could not be shown');
          else if (clickable && /click|activate/i.test(response)) options.openRoute(toast.route);
        },
      );
    },
  };
}

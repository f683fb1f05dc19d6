import { BrowserWindow, session, shell } from 'electron';
import type { WebLaunch } from '../../shared/domain/launcher/index.ts';
import type { LauncherShell } from '../core/features/launcher/launcher-types.ts';
import { isExternalWebUrl } from './main-window.ts';

const sameOrigin = (url: string, origin: string) => {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
};

/**
 * A web tool in its own window: its own persistent session (cookies never mix with another tool's
 * or Portico's), sandboxed, no preload and no Node, no permissions (camera, notifications, ...).
 * It stays on the tool's origin: a link elsewhere opens in the system browser instead.
 */
function openToolWindow(launch: WebLaunch): void {
  const partition = `persist:tool-${launch.toolId}`;
  session.fromPartition(partition).setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    autoHideMenuBar: true,
    webPreferences: { partition, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  const { webContents } = window;
  const keepOnOrigin = (event: { preventDefault(): void }, url: string) => {
    if (sameOrigin(url, launch.origin)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) void shell.openExternal(url);
  };
  webContents.on('will-navigate', keepOnOrigin);
  webContents.on('will-redirect', keepOnOrigin);
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (launch.method === 'POST') {
    const body = new URLSearchParams(launch.fields).toString();
    void window.loadURL(launch.url, {
      postData: [{ type: 'rawData', bytes: Buffer.from(body) }],
      extraHeaders: 'Content-Type: application/x-www-form-urlencoded',
    });
  } else {
    void window.loadURL(launch.url);
  }
}

/** The desktop's launcher shell: an app window, or the system browser for tools that ask for it. */
export const electronLauncherShell: LauncherShell = {
  async openWeb(launch) {
    if (launch.openIn === 'window') openToolWindow(launch);
    else if (launch.method === 'GET' && isExternalWebUrl(launch.url)) await shell.openExternal(launch.url);
    else throw new Error('a tool in the system browser opens with a plain http(s) link');
    return { opened: true };
  },
};

import path from 'node:path';
import { BrowserWindow, shell } from 'electron';

/** The desktop renderer talks to nothing but its preload: no sockets, no fetches, no frames, nothing inline. */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The only URL the app window may show: the bundled renderer. */
export function rendererUrl(appRoot: string): string {
  return `file://${path.join(appRoot, 'dist/renderer/index.html')}`;
}

export function isOwnRendererUrl(url: string, appRoot: string): boolean {
  return url.split('#')[0] === rendererUrl(appRoot);
}

/** Only plain http(s) links without credentials leave the app, to the system browser. */
export function isExternalWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Sandboxed, isolated, no Node; navigation and new windows are refused, http(s) links go to the browser. */
export function createMainWindow(appRoot: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Portico',
    webPreferences: {
      preload: path.join(appRoot, 'dist/electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const { webContents } = window;
  // The page's own <meta> CSP is repeated as a header for anything this session loads, and no web
  // permission (camera, notifications, geolocation…) is ever granted to the renderer.
  webContents.session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } }),
  );
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  webContents.on('will-navigate', (event, url) => {
    if (!isOwnRendererUrl(url, appRoot)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  // Closing hides to the tray: the app keeps delivering while the window is away.
  window.on('close', (event) => {
    if (!(globalThis as { porticoQuitting?: boolean }).porticoQuitting) {
      event.preventDefault();
      window.hide();
    }
  });
  void window.loadURL(rendererUrl(appRoot));
  return window;
}

import { type BrowserWindow, app } from 'electron';
import electronUpdater from 'electron-updater';
import { deepLinkFromArgv, parseDeepLink } from '../../shared/deep-link/deep-link.ts';
import type { UpdateDecision } from '../core/lifecycle/update-policy.ts';
import type { PorticoCore } from '../core/portico-core.ts';

type Log = (message: string) => void;

const UPDATE_CHECK_MS = 6 * 3600_000;
const QUIT_FLUSH_MS = 3000;

/** `portico://` links: registered as the scheme's handler, routed from a second instance or macOS' open-url. */
export function routeDeepLinks(core: PorticoCore, window: BrowserWindow, log: Log): void {
  if (process.defaultApp) app.setAsDefaultProtocolClient('portico', process.execPath, [process.argv[1] ?? '.']);
  else app.setAsDefaultProtocolClient('portico');
  const open = (raw: string | null) => {
    if (!raw) return;
    const link = parseDeepLink(raw);
    if (!link.ok) return log(`refused deep link: ${link.reason}`);
    window.show();
    window.focus();
    core.openRoute(link.route);
  };
  app.on('second-instance', (_event, argv) => {
    window.show();
    window.focus();
    open(deepLinkFromArgv(argv));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    open(url);
  });
  window.webContents.once('did-finish-load', () => open(deepLinkFromArgv(process.argv)));
}

export function applyStartAtLogin(startAtLogin: boolean): void {
  if (process.platform === 'linux') return; // Desktop environments read ~/.config/autostart, which the deb package owns.
  app.setLoginItemSettings({ openAtLogin: startAtLogin, args: ['--hidden'] });
}

export function startUpdater(decision: UpdateDecision, log: Log): void {
  if (!decision.enabled) return log(`self-update off: ${decision.reason}`);
  const { autoUpdater } = electronUpdater;
  if (decision.feedUrl) autoUpdater.setFeedURL({ provider: 'generic', url: decision.feedUrl });
  autoUpdater.autoInstallOnAppQuit = true;
  const check = () =>
    void autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => log(`update check failed: ${String(error)}`));
  check();
  setInterval(check, UPDATE_CHECK_MS).unref();
}

/** Quit gives queued actions a few seconds to reach the server, then closes the cache cleanly. */
export function quitSafely(core: PorticoCore, log: Log): void {
  let flushed = false;
  app.on('before-quit', (event) => {
    (globalThis as { porticoQuitting?: boolean }).porticoQuitting = true;
    if (flushed) return;
    event.preventDefault();
    void core.shutdown(QUIT_FLUSH_MS).then(({ leftInOutbox }) => {
      if (leftInOutbox > 0) log(`${leftInOutbox} actions stay queued for the next start`);
      flushed = true;
      app.quit();
    });
  });
}

const IDLE_POLL_MS = 30_000;

/**
 * Presence from the OS, not from the window: a minimised window is not "away", a locked screen is.
 * The idle seconds are polled (cheap) and lock/unlock is reported at once.
 */
export function reportSystemIdle(core: PorticoCore, powerMonitor: Electron.PowerMonitor): void {
  let locked = false;
  const report = () => core.systemIdle(powerMonitor.getSystemIdleTime(), locked);
  powerMonitor.on('lock-screen', () => {
    locked = true;
    report();
  });
  powerMonitor.on('unlock-screen', () => {
    locked = false;
    report();
  });
  powerMonitor.on('suspend', () => {
    locked = true;
    report();
  });
  powerMonitor.on('resume', () => {
    locked = false;
    report();
  });
  setInterval(report, IDLE_POLL_MS).unref();
}

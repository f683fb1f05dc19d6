import path from 'node:path';
import { type Tray, app, crashReporter, globalShortcut, powerMonitor, session } from 'electron';
import Store from 'electron-store';
import { updateDecision, shouldStartAtLogin } from '../core/lifecycle/update-policy.ts';
import { watchNetwork } from '../core/lifecycle/network-watch.ts';
import { fileLog } from '../core/log/core-log.ts';
import { electronProxyConfig } from '../core/net/electron-proxy-config.ts';
import { loadPolicy } from '../core/policy/load-policy.ts';
import { normalizeServerUrl } from '../core/session/server-address.ts';
import { PorticoCore } from '../core/portico-core.ts';
import { TokenVault } from '../core/secrets/token-vault.ts';
import { SettingsStore } from '../core/settings/settings.ts';
import { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID } from './app-identity.ts';
import { registerBridgeIpc } from './bridge-ipc.ts';
import { applyStartAtLogin, quitSafely, reportSystemIdle, routeDeepLinks, startUpdater } from './lifecycle.ts';
import { createMainWindow } from './main-window.ts';
import { safeStorageCipher } from './safe-storage-cipher.ts';
import { showToasts } from './toasts.ts';
import { CLOCK_ACCELERATOR, PALETTE_ACCELERATOR } from '../core/tray/tray-model.ts';
import { electronLauncherShell } from './tool-window.ts';
import { createTray } from './tray-icon.ts';

/** Composition root of the desktop app: adapters around core, nothing more. */
const appRoot = path.resolve(__dirname, '../..');
const shell: { tray: Tray | null } = { tray: null };
// The activator first, so Windows ties toast presses (also on a cold start) to the shortcut's CLSID.
if (process.platform === 'win32') app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    // A packaged Windows app has no console: the shell's messages go to core's rotating file log.
    const files = fileLog(path.join(dataDir, 'logs'));
    const log = (message: string) => files.log.warn({ room: 'main' }, message);
    // Machine policy, user policy, then the policy file: read asynchronously, a bad value never stops the app.
    const policy = await loadPolicy({ platform: process.platform, env: process.env, log });
    // One proxy decision for the window, web tools and core: Electron's, with IT's policy applied.
    await session.defaultSession.setProxy(electronProxyConfig(policy.values));
    const core = new PorticoCore({
      dataDir,
      settings: new SettingsStore(new Store<Record<string, unknown>>({ name: 'settings' })),
      vault: new TokenVault(path.join(dataDir, 'session.bin'), safeStorageCipher()),
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      deviceName: `${process.platform} desktop`,
      launcherShell: electronLauncherShell,
      defaultServerUrl: process.env.PORTICO_SERVER_URL ?? 'http://127.0.0.1:8787',
      policy,
      log: files,
      network: { resolveProxy: (url) => session.defaultSession.resolveProxy(url) },
      // The display language Windows shows, not the one Chromium was started with.
      systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    });
    // Crashes of any process go to the company's own Portico server as minidumps, where IT reads them.
    const server = normalizeServerUrl(core.serverUrl());
    if (server) {
      crashReporter.start({
        submitURL: `${server.httpUrl}/api/crash-reports`,
        productName: 'Portico',
        uploadToServer: true,
        compress: true,
        globalExtra: { shell: 'electron' },
      });
    }
    const window = createMainWindow(appRoot);
    registerBridgeIpc(core, window, appRoot);
    // Held for the life of the app: a Tray only in a local variable is garbage-collected and vanishes.
    shell.tray = createTray(core, window, appRoot);
    showToasts(core, window);
    routeDeepLinks(core, window, log);
    applyStartAtLogin(shouldStartAtLogin(policy.values));
    startUpdater(
      updateDecision({
        policy: policy.values,
        packaged: app.isPackaged,
        platform: process.platform,
        exePath: app.getPath('exe'),
        env: process.env,
      }),
      log,
    );
    quitSafely(core, log);
    // Sleep, lock and network changes kill sockets silently: reconnect as soon as the OS says so.
    powerMonitor.on('resume', () => void core.userActive());
    powerMonitor.on('unlock-screen', () => void core.userActive());
    // Interfaces and carriers (a VPN, a dock, Wi-Fi to cable); the page adds online/offline.
    watchNetwork(() => core.nudge());
    reportSystemIdle(core, powerMonitor);
    setInterval(() => core.minuteTick(), 60_000).unref();
    // One key clocks in or out from anywhere; the answer comes as a toast. Another app may own it: say so, carry on.
    if (!globalShortcut.register(CLOCK_ACCELERATOR, () => void core.handlers['attendance.clockNext']({}))) {
      log(`the clock shortcut ${CLOCK_ACCELERATOR} is taken by another program`);
    }
    // The command palette, from anywhere: bring the window forward and open it.
    const palette = () => {
      window.show();
      window.focus();
      core.openPalette();
    };
    if (!globalShortcut.register(PALETTE_ACCELERATOR, palette)) {
      log(`the palette shortcut ${PALETTE_ACCELERATOR} is taken by another program`);
    }
    app.on('will-quit', () => globalShortcut.unregisterAll());
    await core.start();
  });
}

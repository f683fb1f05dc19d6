import path from 'node:path';
import { app, powerMonitor } from 'electron';
import Store from 'electron-store';
import { PorticoCore } from '../core/portico-core.ts';
import { TokenVault } from '../core/secrets/token-vault.ts';
import { SettingsStore } from '../core/settings/settings.ts';
import { APP_USER_MODEL_ID } from './app-identity.ts';
import { registerBridgeIpc } from './bridge-ipc.ts';
import { createMainWindow } from './main-window.ts';
import { safeStorageCipher } from './safe-storage-cipher.ts';
import { showToasts } from './toasts.ts';
import { createTray } from './tray-icon.ts';

/** Composition root of the desktop app: adapters around core, nothing more. */
const appRoot = path.resolve(__dirname, '../..');
app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const core = new PorticoCore({
      dataDir,
      settings: new SettingsStore(new Store<Record<string, unknown>>({ name: 'settings' })),
      vault: new TokenVault(path.join(dataDir, 'session.bin'), safeStorageCipher()),
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      deviceName: `${process.platform} desktop`,
      defaultServerUrl: process.env.PORTICO_SERVER_URL ?? 'http://127.0.0.1:8787',
    });
    const window = createMainWindow(appRoot);
    registerBridgeIpc(core, window, appRoot);
    createTray(core, window, appRoot);
    showToasts(core, window);
    app.on('second-instance', () => {
      window.show();
      window.focus();
    });
    // Sleep, lock and network changes kill sockets silently: reconnect as soon as the OS says so.
    powerMonitor.on('resume', () => core.nudge());
    powerMonitor.on('unlock-screen', () => core.nudge());
    app.on('before-quit', () => {
      (globalThis as { porticoQuitting?: boolean }).porticoQuitting = true;
      core.stop();
    });
    await core.start();
  });
}

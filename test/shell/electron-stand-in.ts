/**
 * A recording stand-in for the `electron` module, for loading the *built* main and preload bundles
 * in plain Node (this machine cannot run Electron). It records what the shell asks of Electron and
 * lets the test drive it over the child process's IPC channel. It imitates Electron's surface, not
 * Portico's code: every Portico behaviour under test is the real one in dist/electron/*.cjs.
 */
import { EventEmitter } from 'node:events';

export interface Recorded {
  api: string;
  args: unknown[];
}
const calls: Recorded[] = [];
const record = (api: string, ...args: unknown[]) => {
  calls.push({
    api,
    args: JSON.parse(JSON.stringify(args, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v)) ?? '[]') as unknown[],
  });
};

class WebContents extends EventEmitter {
  readonly id: number;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly session = session.defaultSession;
  constructor(id: number) {
    super();
    this.id = id;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    record('webContents.send', channel, ...args);
  }
}

const windows: BrowserWindow[] = [];
export class BrowserWindow extends EventEmitter {
  readonly webContents: WebContents;
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    this.webContents = new WebContents(windows.length + 1);
    windows.push(this);
    record('new BrowserWindow', options);
  }
  loadURL(url: string, options?: unknown) {
    record('BrowserWindow.loadURL', url, options);
    return Promise.resolve();
  }
  show() {
    record('BrowserWindow.show');
  }
  hide() {
    record('BrowserWindow.hide');
  }
  focus() {
    record('BrowserWindow.focus');
  }
  isDestroyed() {
    return false;
  }
}

class AppStandIn extends EventEmitter {
  isPackaged = false;
  setAppUserModelId(id: string) {
    record('app.setAppUserModelId', id);
  }
  setToastActivatorCLSID(id: string) {
    record('app.setToastActivatorCLSID', id);
  }
  requestSingleInstanceLock() {
    const granted = process.env.STAND_IN_LOCK !== 'taken';
    record('app.requestSingleInstanceLock', granted);
    return granted;
  }
  quit() {
    record('app.quit');
  }
  whenReady() {
    record('app.whenReady');
    return new Promise<void>((resolve) => setImmediate(resolve));
  }
  getPath(name: string) {
    if (name === 'userData') return process.env.STAND_IN_USER_DATA!;
    if (name === 'exe') return '/opt/Portico/portico';
    throw new Error(`the stand-in has no path ${name}`);
  }
  getVersion() {
    return '0.1.0';
  }
  /** Windows' display languages, first the one the desktop shows (as Electron reports them). */
  getPreferredSystemLanguages() {
    return (process.env.STAND_IN_SYSTEM_LANGUAGES ?? 'en-US').split(',');
  }
  setAsDefaultProtocolClient(...args: unknown[]) {
    record('app.setAsDefaultProtocolClient', ...args);
    return true;
  }
  setLoginItemSettings(settings: unknown) {
    record('app.setLoginItemSettings', settings);
  }
  setBadgeCount(count: number) {
    record('app.setBadgeCount', count);
    return true;
  }
}
export const app = new AppStandIn();

export class Tray extends EventEmitter {
  constructor(image: unknown) {
    super();
    record('new Tray', image);
  }
  setImage(image: unknown) {
    record('Tray.setImage', image);
  }
  setToolTip(text: string) {
    record('Tray.setToolTip', text);
  }
  setTitle(text: string) {
    record('Tray.setTitle', text);
  }
  setContextMenu(menu: { template: { label?: string; type?: string }[] }) {
    record(
      'Tray.setContextMenu',
      menu.template.map((item) => item.label ?? item.type ?? ''),
    );
  }
}

export const Menu = { buildFromTemplate: (template: unknown[]) => ({ template }) };
export const nativeImage = { createFromPath: (file: string) => ({ file }) };

const notifications: Notification[] = [];
export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  static handleActivation(callback: (details: { arguments: string; type: string }) => void) {
    record('Notification.handleActivation', typeof callback);
  }
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    notifications.push(this);
    record('new Notification', options);
  }
  show() {
    record('Notification.show', this.options.title);
  }
}

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    record('ipcMain.handle', channel);
    handlers.set(channel, handler);
  },
  on(channel: string) {
    record('ipcMain.on', channel);
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
  decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
};

class PowerMonitor extends EventEmitter {
  getSystemIdleTime() {
    return 0;
  }
}
export const powerMonitor = new PowerMonitor();

export const globalShortcut = {
  register(accelerator: string) {
    record('globalShortcut.register', accelerator);
    return true;
  },
  unregisterAll() {
    record('globalShortcut.unregisterAll');
  },
};

export const shell = {
  openExternal(url: string) {
    record('shell.openExternal', url);
    return Promise.resolve();
  },
};

const makeSession = (name: string) => ({
  setProxy: (config: unknown) => {
    record(`session(${name}).setProxy`, config);
    return Promise.resolve();
  },
  /** The answer Chromium gives for a PC without a proxy. */
  resolveProxy: (url: string) => {
    record(`session(${name}).resolveProxy`, url);
    return Promise.resolve('DIRECT');
  },
  webRequest: {
    onHeadersReceived: (listener: unknown) => record(`session(${name}).webRequest.onHeadersReceived`, typeof listener),
  },
  setPermissionRequestHandler: (handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
    let granted: boolean | null = null;
    handler(null, 'media', (answer) => (granted = answer));
    record(`session(${name}).setPermissionRequestHandler`, { mediaGranted: granted });
  },
});
export const session = { defaultSession: makeSession('default'), fromPartition: (name: string) => makeSession(name) };
export const crashReporter = {
  start: (options: unknown) => record('crashReporter.start', options),
};
export const clipboard = {
  writeText: (text: string) => record('clipboard.writeText', text.length),
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
};

// The preload's side.
const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
export const contextBridge = {
  exposeInMainWorld(name: string, api: Record<string, (...args: unknown[]) => unknown>) {
    record('contextBridge.exposeInMainWorld', name, Object.keys(api));
    exposed.set(name, api);
  },
};
export const ipcRenderer = {
  on: (channel: string) => record('ipcRenderer.on', channel),
  invoke: (channel: string, ...args: unknown[]) => {
    record('ipcRenderer.invoke', channel, ...args);
    return Promise.resolve({ ok: true, result: { echoed: args } });
  },
};

export default {
  app,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  Notification,
  ipcMain,
  safeStorage,
  powerMonitor,
  globalShortcut,
  shell,
  session,
  clipboard,
  crashReporter,
  protocol,
  contextBridge,
  ipcRenderer,
};

/** What the test may ask over the IPC channel. */
type Command =
  | { type: 'report' }
  | { type: 'invoke'; channel: string; args: unknown[]; sender: 'main-window' | 'other-window' | 'subframe' }
  | { type: 'navigate'; url: string }
  | { type: 'open'; url: string }
  | { type: 'preload-call'; method: string; params: unknown };

const answer = (id: number, body: Record<string, unknown>) => process.send?.({ id, ...body });
process.on('message', (message: { id: number; command: Command }) => {
  const { id, command } = message;
  void (async () => {
    try {
      switch (command.type) {
        case 'report':
          return answer(id, {
            calls,
            windows: windows.map((w) => w.options),
            notifications: notifications.map((n) => n.options),
          });
        case 'invoke': {
          const handler = handlers.get(command.channel);
          if (!handler) return answer(id, { error: `no handler for ${command.channel}` });
          const main = windows[0]!;
          const rendererUrl = (calls.find((c) => c.api === 'BrowserWindow.loadURL')?.args[0] as string) ?? '';
          const event = {
            sender: command.sender === 'other-window' ? new WebContents(99) : main.webContents,
            senderFrame: { url: rendererUrl, parent: command.sender === 'subframe' ? {} : null },
          };
          return answer(id, { result: await handler(event, ...command.args) });
        }
        case 'navigate': {
          let prevented = false;
          windows[0]!.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, command.url);
          return answer(id, { prevented });
        }
        case 'open': {
          const before = calls.length;
          const outcome = windows[0]!.webContents.windowOpenHandler?.({ url: command.url });
          const openedExternally = calls.slice(before).some((c) => c.api === 'shell.openExternal');
          return answer(id, { action: outcome?.action, openedExternally });
        }
        case 'preload-call': {
          const api = exposed.get('portico');
          if (!api) return answer(id, { error: 'nothing exposed' });
          return answer(id, { result: await api.call!(command.method, command.params) });
        }
      }
    } catch (error) {
      answer(id, { error: error instanceof Error ? error.message : String(error) });
    }
  })();
});

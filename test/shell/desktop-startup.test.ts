import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { login, publishNotice, startTestServer, tempDir, waitFor } from '../integration/harness.ts';
import type { Recorded } from './electron-stand-in.ts';

const root = path.resolve(import.meta.dirname, '../..');
const built = (file: string) => {
  const full = path.join(root, 'dist/electron', file);
  if (!existsSync(full)) throw new Error(`${full} is missing: npm test builds it (npm run build does too)`);
  return full;
};

interface Report {
  calls: Recorded[];
  windows: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
}

/** A built bundle running in Node against the recording stand-in, driven over the IPC channel. */
function launch(bundle: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', './test/shell/register-stand-in.ts', built(bundle)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let nextId = 0;
  const pending = new Map<number, (reply: Record<string, unknown>) => void>();
  child.on('message', (reply: { id: number }) => pending.get(reply.id)?.(reply));
  const ask = (command: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(command)}; output:\n${output}`)), 10_000);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      child.send({ id, command });
    });
  const report = async () => (await ask({ type: 'report' })) as unknown as Report;
  return { child, ask, report, output: () => output };
}

const named = (report: Report, api: string) => report.calls.filter((c) => c.api === api);

describe('the built desktop shell starts (main.cjs and preload.cjs in Node, Electron stood in)', () => {
  const stops: (() => unknown)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('starts: single instance, settings, a hardened window, guards, tray, shortcuts, the bridge; signs in and raises a toast', async () => {
    const server = await startTestServer();
    stops.push(() => server.close());
    const userData = tempDir('shell-user-data');
    stops.push(userData.remove);
    const shell = launch('main.cjs', { STAND_IN_USER_DATA: userData.dir, PORTICO_SERVER_URL: server.url });
    stops.push(() => shell.child.kill('SIGKILL'));

    // Startup is done when the one bridge handler is registered (it fails here on a bundle that cannot construct its settings store).
    let report = await shell.report();
    for (let i = 0; i < 200 && named(report, 'ipcMain.handle').length === 0; i += 1) {
      expect(shell.child.exitCode, shell.output()).toBeNull();
      await new Promise((r) => setTimeout(r, 50));
      report = await shell.report();
    }
    expect(named(report, 'ipcMain.handle').map((c) => c.args[0])).toEqual(['portico:call']);
    expect(named(report, 'app.setAppUserModelId')[0]!.args).toEqual(['com.portico.desktop']);
    expect(named(report, 'app.requestSingleInstanceLock')[0]!.args).toEqual([true]);

    const [window] = report.windows as { webPreferences: Record<string, unknown> }[];
    expect(window!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(existsSync(String(window!.webPreferences.preload))).toBe(true);
    const rendererUrl = String(named(report, 'BrowserWindow.loadURL')[0]!.args[0]);
    expect(rendererUrl).toBe(`file://${path.join(root, 'dist/renderer/index.html')}`);
    const html = readFileSync(new URL(rendererUrl), 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[^>]*script-src 'self'/);
    expect(html).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(named(report, 'session(default).webRequest.onHeadersReceived')).toHaveLength(1);
    expect(named(report, 'session(default).setPermissionRequestHandler')[0]!.args).toEqual([{ mediaGranted: false }]);

    // Navigation and window-open guards, as installed.
    expect(await shell.ask({ type: 'navigate', url: 'https://evil.example/' })).toMatchObject({ prevented: true });
    expect(await shell.ask({ type: 'navigate', url: rendererUrl })).toMatchObject({ prevented: false });
    expect(await shell.ask({ type: 'open', url: 'https://intranet.example/wiki' })).toMatchObject({
      action: 'deny',
      openedExternally: true,
    });
    expect(await shell.ask({ type: 'open', url: 'file:///etc/passwd' })).toMatchObject({
      action: 'deny',
      openedExternally: false,
    });

    // Tray from core's trayModel, and the two global shortcuts.
    expect(named(report, 'new Tray')).toHaveLength(1);
    expect(named(report, 'Tray.setContextMenu').at(-1)!.args[0]).toContain('Quit Portico');
    expect(named(report, 'Tray.setContextMenu').at(-1)!.args[0]).toContain('Copy diagnostics for IT');
    // No proxy policy: Electron's own (system) proxy settings, and core asks Electron for each connection's route.
    expect(named(report, 'session(default).setProxy')[0]!.args).toEqual([{ mode: 'system' }]);
    // Crashes go to the server this PC uses, where IT reads them (test/integration/crash-reports.test.ts).
    expect(named(report, 'crashReporter.start')[0]!.args[0]).toMatchObject({
      submitURL: `${server.url}/api/crash-reports`,
      uploadToServer: true,
      compress: true,
    });
    expect(named(report, 'globalShortcut.register').map((c) => c.args[0])).toHaveLength(2);

    // IPC sender checks: another window or a subframe is refused before core sees the call.
    for (const sender of ['other-window', 'subframe']) {
      const refused = await shell.ask({ type: 'invoke', channel: 'portico:call', args: ['app.info', {}], sender });
      expect(String(refused.error)).toMatch(/unexpected sender/);
    }
    const invalid = await shell.ask({
      type: 'invoke',
      channel: 'portico:call',
      args: ['no.such.call', {}],
      sender: 'main-window',
    });
    expect(invalid.result).toMatchObject({ ok: false });

    // Sign in through the bridge as the renderer would, then a notice reaches the OS as a toast.
    const signIn = await shell.ask({
      type: 'invoke',
      channel: 'portico:call',
      args: ['session.signIn', { serverUrl: server.url, username: 'zhang.wei', password: 'portico-demo' }],
      sender: 'main-window',
    });
    expect(signIn.result).toEqual({ ok: true, result: { ok: true } });
    // electron-store (bundled into main.cjs) kept the settings where Electron says user data lives.
    const settings = JSON.parse(readFileSync(path.join(userData.dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ serverUrl: server.url, lastUsername: 'zhang.wei' });
    const hr = await login(server.url, 'chen.jing');
    await waitFor(() => server.gateway.isOnline('u_zhang_wei'), 10_000, 'the shell to connect');
    const title = 'Fire drill at 15:00';
    const published = await publishNotice(server.url, hr.accessToken, {
      title,
      body: 'Leave by the east stairs.',
      priority: 'urgent',
      audience: { everyone: true },
    });
    expect(published.status).toBe(201);
    for (let i = 0; i < 100 && !report.notifications.some((n) => String(n.title).includes(title)); i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      report = await shell.report();
    }
    const toast = report.notifications.find((n) => String(n.title).includes(title));
    expect(toast, shell.output()).toMatchObject({ urgency: 'critical', timeoutType: 'never' });
    expect(named(report, 'Notification.show').map((c) => c.args[0])).toContain(toast!.title);
    expect(named(report, 'webContents.send').some((c) => c.args[0] === 'portico:event')).toBe(true);
    expect(named(report, 'session(default).resolveProxy').map((c) => c.args[0])).toContain(`${server.url}/api/auth/login`);

    // The shell and core log to a rotating file under user data, never a secret.
    const diagnostics = await shell.ask({
      type: 'invoke',
      channel: 'portico:call',
      args: ['app.diagnostics', {}],
      sender: 'main-window',
    });
    const text = String((diagnostics.result as { result: { text: string } }).result.text);
    expect(text).toContain('Portico 0.1.0 (electron');
    expect(text).toContain('Signed in as user u_zhang_wei');
    const logFile = path.join(userData.dir, 'logs', 'portico.log');
    await waitFor(() => existsSync(logFile), 5000, 'the log file');
    expect(readFileSync(logFile, 'utf8')).not.toMatch(/portico-demo|eyJ[\w-]{6,}\./);
  }, 60_000);

  it('speaks the display language Windows shows before anyone chooses one: a Russian Windows gets a Russian tray', async () => {
    const userData = tempDir('shell-user-data');
    stops.push(userData.remove);
    const shell = launch('main.cjs', { STAND_IN_USER_DATA: userData.dir, STAND_IN_SYSTEM_LANGUAGES: 'ru-RU,en-US' });
    stops.push(() => shell.child.kill('SIGKILL'));
    let report = await shell.report();
    for (let i = 0; i < 200 && named(report, 'Tray.setContextMenu').length === 0; i += 1) {
      expect(shell.child.exitCode, shell.output()).toBeNull();
      await new Promise((r) => setTimeout(r, 50));
      report = await shell.report();
    }
    expect(named(report, 'Tray.setContextMenu').at(-1)!.args[0]).toContain('Выйти из Portico');
  }, 30_000);

  it('a second instance quits at once and opens nothing', async () => {
    const userData = tempDir('shell-second');
    stops.push(userData.remove);
    const shell = launch('main.cjs', { STAND_IN_USER_DATA: userData.dir, STAND_IN_LOCK: 'taken' });
    stops.push(() => shell.child.kill('SIGKILL'));
    await new Promise((r) => setTimeout(r, 500));
    const report = await shell.report();
    expect(named(report, 'app.requestSingleInstanceLock')[0]!.args).toEqual([false]);
    expect(named(report, 'app.quit')).toHaveLength(1);
    expect(report.windows).toEqual([]);
  });

  it('the preload exposes only window.portico, and refuses calls outside the bridge contract', async () => {
    const preload = launch('preload.cjs', {});
    stops.push(() => preload.child.kill('SIGKILL'));
    const report = await preload.report();
    expect(named(report, 'contextBridge.exposeInMainWorld')).toEqual([
      { api: 'contextBridge.exposeInMainWorld', args: ['portico', ['call', 'on']] },
    ]);
    expect(await preload.ask({ type: 'preload-call', method: 'fs.readFile', params: {} })).toMatchObject({
      error: 'unknown bridge call fs.readFile',
    });
    expect(await preload.ask({ type: 'preload-call', method: 'app.info', params: {} })).toMatchObject({
      result: { echoed: ['app.info', {}] },
    });
    const invoked = named(await preload.report(), 'ipcRenderer.invoke');
    expect(invoked.map((c) => c.args[0])).toEqual(['portico:call']);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function start(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<{ child: ChildProcess; value: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolve({ child, value: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${out}`)));
  });
}

/**
 * The real server and real browser hosts, as separate processes, as `npm start` runs them. Each host
 * is one signed-in desktop (one core, one cache), so two users need two hosts.
 */
export async function startStack(
  options: { hosts?: number; seed?: string[]; hostEnv?: (serverUrl: string) => Record<string, string> } = {},
): Promise<{
  serverUrl: string;
  launchUrl: string;
  launchUrls: string[];
  stop: () => void;
  /** Kills the server (as a crash would) and starts it again on the same port and data. */
  killServer: () => void;
  startServer: () => Promise<void>;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-e2e-'));
  if (options.seed) await start([...options.seed, path.join(dir, 'server')], /(seeded .*)/);
  const serverArgs = [
    'server/main.ts',
    '--port',
    String(await freePort()),
    '--data',
    path.join(dir, 'server'),
    '--log-level',
    'warn',
    '--demo',
  ];
  let server = await start(serverArgs, /PORTICO_SERVER_READY (\S+)/);
  const hosts: { child: ChildProcess; value: string }[] = [];
  for (let index = 0; index < (options.hosts ?? 1); index += 1) {
    hosts.push(
      await start(
        [
          'electron/browser-host/main.ts',
          '--server-url',
          server.value,
          '--port',
          String(await freePort()),
          '--data',
          path.join(dir, `client-${index}`),
        ],
        /PORTICO_HOST_READY (\S+)/,
        options.hostEnv?.(server.value) ?? {},
      ),
    );
  }
  return {
    serverUrl: server.value,
    launchUrl: hosts[0]!.value,
    launchUrls: hosts.map((h) => h.value),
    stop: () => {
      for (const host of hosts) host.child.kill('SIGKILL');
      server.child.kill('SIGKILL');
      keepClientLogs(dir, hosts.length);
      rmSync(dir, { recursive: true, force: true });
    },
    killServer: () => server.child.kill('SIGKILL'),
    startServer: async () => {
      server = await start(serverArgs, /PORTICO_SERVER_READY (\S+)/);
    },
  };
}

export async function loginToken(serverUrl: string, username: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'portico-demo' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Opens a host at a desktop size and signs in unless it kept its session (as the desktop app does). */
export async function signIn(page: Page, url: string, username: string, size = { width: 1280, height: 800 }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(url);
  const usernameField = page.getByLabel('Username');
  const heldElsewhere = page.getByTestId('host-elsewhere');
  // The previous test's browser closed a moment ago; its sockets may still be closing at the host.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await usernameField.or(page.getByTestId('connection')).or(heldElsewhere).first().waitFor();
    if (!(await heldElsewhere.isVisible())) break;
    await page.waitForTimeout(300);
    await page.reload();
  }
  await usernameField.or(page.getByTestId('connection')).first().waitFor();
  if (await usernameField.isVisible()) {
    await usernameField.fill(username);
    await page.getByLabel('Password').fill('portico-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  // Connected, in whatever language the kept session shows.
  await expect(page.getByTestId('connection')).toHaveClass(/connection-online/);
}

/**
 * A test's people close their browsers when it ends. One browser host serves one browser at a time
 * (as on a PC, where it is one person's), so a context left open would hold the host for the next test.
 */
export async function closeBrowsers({ browser }: { browser: Browser }): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close()));
}

/** The pages the sidebar leads to, in its order (each has a `nav-<page>` button): the app's own list. */
export { APP_PAGES } from '../../shared/deep-link/deep-link.ts';

/** Switches the window's language from whatever it shows now (the switch's own label is translated). */
export async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page
    .locator('select')
    .filter({ has: page.locator('option[value="he"]') })
    .first()
    .selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/**
 * One stack for a spec file: started before its first test, stopped after its last, each test's
 * browsers closed when it ends. Returns the running stack (read it inside a test).
 */
export function stackForFile(options: Parameters<typeof startStack>[0] = {}): () => Awaited<ReturnType<typeof startStack>> {
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  test.beforeAll(async () => {
    stack = await startStack(options);
  });
  test.afterAll(() => stack?.stop());
  test.afterEach(closeBrowsers);
  return () => stack!;
}

/** Where the hosts' log files are kept after each stack stops, for the check after the whole run (check-client-logs.ts). */
export const CLIENT_LOGS = path.join(root, 'test-results', 'client-logs');

function keepClientLogs(dir: string, hosts: number): void {
  for (let index = 0; index < hosts; index += 1) {
    const logs = path.join(dir, `client-${index}`, 'logs');
    if (existsSync(logs)) cpSync(logs, path.join(CLIENT_LOGS, `${path.basename(dir)}-client-${index}`), { recursive: true });
  }
}

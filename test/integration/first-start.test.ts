import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { login, startTestServer, tempDir } from './harness.ts';
import { freePort, spawnServer } from './server-process.ts';

const root = path.resolve(import.meta.dirname, '../..');
const signIn = (url: string, username: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('a production server starts empty and safe', () => {
  const stops: (() => unknown)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('npm run server on an empty folder creates no demo account and says how to create the first admin', async () => {
    const data = tempDir('first-start');
    stops.push(data.remove);
    const { child, url, output } = await spawnServer(await freePort(), data.dir, {}, []);
    stops.push(() => child.kill('SIGKILL'));
    expect(output()).toContain('No administrator exists yet');
    expect(output()).toContain(`--data ${data.dir} --init-admin <username> --admin-password-file <file>`);
    expect(output()).not.toContain('portico-demo');
    expect((await signIn(url, 'huang.min', 'portico-demo')).status).toBe(401);
    expect((await fetch(`${url}/demo/tools/contracts`)).status).toBe(404);
    expect((await fetch(`${url}/demo/pages/handbook`)).status).toBe(404);
  });

  it('creates the first administrator once from a password file, and not again', async () => {
    const data = tempDir('first-admin');
    stops.push(data.remove);
    const passwordFile = path.join(data.dir, 'admin-password');
    writeFileSync(passwordFile, 'correct horse battery\n', { mode: 0o600 });
    const args = ['--init-admin', 'it.admin', '--admin-password-file', passwordFile];
    const port = await freePort();
    const first = await spawnServer(port, path.join(data.dir, 'server'), {}, args);
    expect(first.output()).toContain('First administrator it.admin created');
    const signedIn = await signIn(first.url, 'it.admin', 'correct horse battery');
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { user: { roles: string[] } }).user.roles).toContain('admin');
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));

    writeFileSync(passwordFile, 'another password entirely');
    const second = await spawnServer(port, path.join(data.dir, 'server'), {}, args);
    stops.push(() => second.child.kill('SIGKILL'));
    expect(second.output()).toContain('--init-admin changed nothing: 1 administrator(s) exist already');
    expect((await signIn(second.url, 'it.admin', 'another password entirely')).status).toBe(401);
  });

  it('refuses a too-short first password and says why', async () => {
    const data = tempDir('first-admin-short');
    stops.push(data.remove);
    const passwordFile = path.join(data.dir, 'pw');
    writeFileSync(passwordFile, 'short');
    const run = await spawnServer(await freePort(), path.join(data.dir, 'server'), {}, [
      '--init-admin',
      'it.admin',
      '--admin-password-file',
      passwordFile,
    ]);
    stops.push(() => run.child.kill('SIGKILL'));
    expect(run.output()).toMatch(/first administrator was not created: password: .*10/);
  });

  it('refuses to start on a database written by a newer server, saying so', async () => {
    const data = tempDir('schema-newer');
    stops.push(data.remove);
    const db = new Database(path.join(data.dir, 'portico.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const failed = await spawnServer(await freePort(), data.dir, {}, []).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failed).toMatch(/schema is version 999, newer than this server knows/);
  });

  it('npm start still seeds the demo office for trying Portico', async () => {
    const data = tempDir('npm-start');
    stops.push(data.remove);
    const child = spawn(process.execPath, ['scripts/start.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORTICO_START_SKIP_BUILD: '1',
        PORTICO_PORT: String(await freePort()),
        PORTICO_HOST_PORT: String(await freePort()),
        PORTICO_DATA: path.join(data.dir, 'server'),
        PORTICO_CLIENT_DATA: path.join(data.dir, 'client'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stops.push(() => child.kill('SIGTERM'));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start not ready:\n${output}`)), 45_000);
      const poll = setInterval(() => {
        if (!output.includes('Open Portico in a browser')) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }, 50);
    });
    expect(output).toContain('Demo organisation created');
    const serverUrl = /PORTICO_SERVER_READY (\S+)/.exec(output)![1]!;
    expect((await login(serverUrl, 'huang.min')).user.roles).toContain('admin');
  });
});

describe('/metrics is for monitoring only', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('answers loopback scrapers, and refuses a client a trusted proxy forwarded from elsewhere', async () => {
    const server = await startTestServer({ trustProxy: true });
    stops.push(() => server.close());
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    const remote = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(remote.status).toBe(403);
    expect(((await remote.json()) as { error: { message: string } }).error.message).toMatch(/metrics token/);
  });

  it('with a token, requires it from everyone', async () => {
    const token = 'a-long-metrics-token-for-prometheus';
    const server = await startTestServer({ metricsToken: token });
    stops.push(() => server.close());
    expect((await fetch(`${server.url}/metrics`)).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(
      403,
    );
    const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect([ok.status, (await ok.text()).includes('portico_sockets ')]).toEqual([200, true]);
  });
});

describe('the data folder is the server account’s alone', () => {
  it('creates the folder 0700 and the database, its WAL and its keys 0600', async () => {
    const server = await startTestServer();
    const { statSync, readdirSync } = await import('node:fs');
    const mode = (file: string) => statSync(file).mode & 0o777;
    try {
      expect(mode(server.dataDir)).toBe(0o700);
      for (const name of readdirSync(server.dataDir).filter((n) => n.startsWith('portico.sqlite')))
        expect([name, mode(path.join(server.dataDir, name))]).toEqual([name, 0o600]);
      expect(mode(path.join(server.dataDir, 'keys', 'access.key'))).toBe(0o600);
    } finally {
      await server.close();
    }
  });
});

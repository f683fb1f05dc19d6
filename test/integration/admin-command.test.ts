import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/errors.ts';
import { login, rawSocket, refreshRequest, tempDir } from './harness.ts';
import { freePort, spawnServer } from './server-process.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** `npm run admin -- …` beside a running server, as an operator locked out of the console would. */
describe('the admin command line, for when the web console cannot help', () => {
  const folder = tempDir('admin-cli');
  const data = path.join(folder.dir, 'data');
  let url = '';
  let stop = () => {};
  beforeAll(async () => {
    const server = await spawnServer(await freePort(), data);
    url = server.url;
    stop = () => server.child.kill('SIGKILL');
  });
  afterAll(() => {
    stop();
    folder.remove();
  });
  const admin = (...args: string[]) =>
    run(process.execPath, ['server/admin.ts', ...args, '--data', data], { cwd: root }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );
  const passwordFile = (name: string, password: string) => {
    const file = path.join(folder.dir, name);
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    return file;
  };

  it('resets a password: the old one and every session stop working at once, and the reset is audited', async () => {
    const before = await login(url, 'zhang.wei');
    const socket = await rawSocket(`${url.replace(/^http/, 'ws')}/ws`, { authorization: `Bearer ${before.accessToken}` });
    await socket.next('welcome');

    const reset = await admin(
      'reset-password',
      '--user',
      'zhang.wei',
      '--password-file',
      passwordFile('new', 'a-new-password-2026'),
    );
    expect(reset).toMatchObject({ code: 0, out: expect.stringMatching(/password of zhang.wei is reset/) });
    expect((await refreshRequest(url, before.refreshToken)).status).toBe(401);
    socket.ws.send(JSON.stringify({ type: 'request', id: 'r1', method: 'directory.people', params: {} }));
    expect((await socket.closed).code).toBe(CloseCode.sessionRevoked);
    await expect(login(url, 'zhang.wei')).rejects.toThrow(/HTTP 401/);
    expect((await login(url, 'zhang.wei', 'a-new-password-2026')).user.username).toBe('zhang.wei');

    const itAdmin = await login(url, 'huang.min');
    const audit = (await (
      await fetch(`${url}/api/admin/users/u_zhang_wei/audit`, { headers: { authorization: `Bearer ${itAdmin.accessToken}` } })
    ).json()) as { action: string; actorId: string | null }[];
    expect(audit.at(-1)).toMatchObject({ action: 'password_reset', actorId: null });
    expect(JSON.stringify(audit)).not.toContain('a-new-password-2026');
  });

  it('creates an administrator when every other one is locked out, who can then administer', async () => {
    const created = await admin(
      'create-admin',
      '--user',
      'rescue.admin',
      '--password-file',
      passwordFile('rescue', 'rescue-password-2026'),
    );
    expect(created).toMatchObject({ code: 0 });
    const rescue = await login(url, 'rescue.admin', 'rescue-password-2026');
    const languages = await fetch(`${url}/api/admin/languages`, { headers: { authorization: `Bearer ${rescue.accessToken}` } });
    expect(languages.status).toBe(200);
  });

  it('rotates the ticket-signing key under a running server, and revokes a leaked one at once', async () => {
    const kids = async () =>
      ((await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    const [active, next] = await kids();
    const rotated = await admin('rotate-keys');
    expect(rotated.out).toContain(`${next} signs from now; ${active} stays published`);
    const after = await kids();
    // The old key still verifies tickets in flight; the former next key signs; a new next key is announced.
    expect(after.slice(0, 2)).toEqual([next, expect.any(String)]);
    expect(after).toContain(active);
    expect(after).toHaveLength(3);

    const revoked = await admin('rotate-keys', '--revoke');
    expect(revoked.out).toMatch(/is unpublished now/);
    expect(await kids()).not.toContain(next);
  });

  it('refuses, saying why: a short password, an unknown name, a name taken, no password file', async () => {
    expect(await admin('reset-password', '--user', 'zhang.wei', '--password-file', passwordFile('short', 'short'))).toMatchObject(
      {
        code: 1,
        out: expect.stringMatching(/refused: the new password/),
      },
    );
    expect(
      await admin('reset-password', '--user', 'nobody.here', '--password-file', passwordFile('ok', 'long-enough-password')),
    ).toMatchObject({
      code: 1,
      out: expect.stringMatching(/no account is named nobody.here/),
    });
    expect(
      await admin('create-admin', '--user', 'huang.min', '--password-file', passwordFile('ok2', 'long-enough-password')),
    ).toMatchObject({
      code: 1,
      out: expect.stringMatching(/exists already/),
    });
    expect(await admin('create-admin', '--user', 'someone')).toMatchObject({
      code: 1,
      out: expect.stringMatching(/--password-file are required/),
    });
  });
});

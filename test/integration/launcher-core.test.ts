import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PorticoCore } from '../../electron/core/portico-core.ts';
import { resolvePolicy } from '../../electron/core/policy/resolve-policy.ts';
import { RecordingShell, startTestServer, tempDir, testCore, waitFor } from './harness.ts';
import { type LauncherWorld, launcherWorld } from './launcher-world.ts';

describe('the launcher in a desktop core', () => {
  let w: LauncherWorld;
  const cleanups: (() => unknown)[] = [];
  beforeEach(async () => {
    w = await launcherWorld();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await w.close();
  });

  async function desktop(username: string, allowedPrograms: string[] = []) {
    const dir = tempDir('core');
    const shell = new RecordingShell();
    const core: PorticoCore = testCore(dir.dir, w.server.url, w.clock, {
      launcherShell: shell,
      policy: resolvePolicy([{ name: 'machine', values: { allowedPrograms } }]),
    });
    cleanups.push(
      () => dir.remove(),
      () => core.stop(),
    );
    expect(await core.handlers['session.signIn']({ serverUrl: w.server.url, username, password: 'portico-demo' })).toEqual({
      ok: true,
    });
    await waitFor(() => core.connectionView().state === 'online', 5000, `${username} online`);
    return { core, shell, dir: dir.dir };
  }

  /** A real program that leaves a marker when it runs, so "nothing ran" can be checked. */
  function program(dir: string, name: string) {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho "$@" > "${file}.ran"\n`);
    chmodSync(file, 0o755);
    return { file, marker: `${file}.ran` };
  }

  it('launches a web tool with a ticket the tool verifies, and counts the launch once on the server', async () => {
    const expenses = await w.defineTool({
      name: { en: 'Expense claims', 'zh-CN': '差旅报销单' },
      target: { kind: 'web', url: 'https://expenses.example.com/sso?lang=zh', sso: { mode: 'query', param: 't' } },
    });
    const { core, shell } = await desktop('li.na');
    const catalog = await core.handlers['launcher.catalog']({});
    expect(catalog?.map((t) => [t.name.en, t.availability])).toContainEqual(['Expense claims', 'ready']);

    expect(await core.handlers['launcher.launch']({ toolId: expenses, source: 'palette' })).toEqual({ status: 'opened' });
    const [opened] = shell.opened;
    expect(opened).toMatchObject({ method: 'GET', openIn: 'window', origin: 'https://expenses.example.com' });
    const url = new URL(opened!.url);
    expect(url.searchParams.get('lang')).toBe('zh');
    const { payload } = await jwtVerify(url.searchParams.get('t')!, createRemoteJWKSet(w.jwksUrl), {
      issuer: w.server.url,
      audience: 'https://expenses.example.com/sso',
      currentDate: new Date(w.clock.now()),
    });
    expect(payload.preferred_username).toBe('li.na');

    await waitFor(() => core.connectionView().queuedActions === 0, 5000, 'launch reported');
    const usage = await w.http('GET', '/api/admin/launcher/usage?days=7', 'huang.min');
    expect(
      (usage.body['tools'] as { toolId: string; launches: number; users: number }[]).find((t) => t.toolId === expenses),
    ).toMatchObject({
      launches: 1,
      users: 1,
    });
    const entry = (await core.handlers['launcher.catalog']({}))?.find((t) => t.id === expenses);
    expect(entry?.usage).toEqual({ count: 1, lastUsedAt: w.clock.now() });
    expect(await core.handlers['palette.recent']({})).toEqual([{ id: `tool:${expenses}`, at: w.clock.now() }]);
  });

  it('opens a POST tool with the ticket as a form field, never in the URL', async () => {
    const ledger = await w.defineTool({
      target: { kind: 'web', url: 'https://ledger.example.com/login', sso: { mode: 'post', field: 'assertion' } },
    });
    const { core, shell } = await desktop('li.na');
    await core.handlers['launcher.launch']({ toolId: ledger, source: 'catalog' });
    expect(shell.opened[0]).toMatchObject({ method: 'POST', url: 'https://ledger.example.com/login' });
    expect(shell.opened[0]!.fields['assertion']).toMatch(/^eyJ/);
  });

  it('runs an allowed program; refuses one that is not allowed, says so, and runs nothing', async () => {
    const { dir } = tempDir('programs');
    const allowed = program(dir, 'kis');
    const other = program(dir, 'unlisted');
    const kis = await w.defineTool({ target: { kind: 'program', paths: { linux: allowed.file }, args: ['--user', 'li.na'] } });
    const unlisted = await w.defineTool({ target: { kind: 'program', paths: { linux: other.file } } });
    const windowsOnly = await w.defineTool({ target: { kind: 'program', paths: { win32: 'C:\\Apps\\x.exe' } } });
    const { core } = await desktop('li.na', [allowed.file]);

    const catalog = await core.handlers['launcher.catalog']({});
    const availability = (id: string) => catalog?.find((t) => t.id === id)?.availability;
    expect([availability(kis), availability(unlisted), availability(windowsOnly)]).toEqual([
      'ready',
      'not_allowed',
      'other_platform',
    ]);

    expect(await core.handlers['launcher.launch']({ toolId: kis, source: 'catalog' })).toEqual({ status: 'opened' });
    await waitFor(() => existsSync(allowed.marker), 5000, 'the allowed program ran');
    expect(readFileSync(allowed.marker, 'utf8')).toBe('--user li.na\n');

    const refused = await core.handlers['launcher.launch']({ toolId: unlisted, source: 'catalog' });
    expect(refused).toMatchObject({ status: 'failed', code: 'not_allowed', details: { path: other.file } });
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(other.marker)).toBe(false);
    // A refused launch is not counted.
    await waitFor(() => core.connectionView().queuedActions === 0, 5000, 'launches reported');
    const usage = (await w.http('GET', '/api/admin/launcher/usage?days=7', 'huang.min')).body['tools'] as {
      toolId: string;
      launches: number;
    }[];
    expect(usage.find((t) => t.toolId === unlisted)?.launches).toBe(0);
    expect(usage.find((t) => t.toolId === kis)?.launches).toBe(1);
  });

  it('opens a deep-link tool as a page of the app', async () => {
    const leave = await w.defineTool({ target: { kind: 'deeplink', link: 'portico://approvals/new?template=leave' } });
    const { core } = await desktop('li.na');
    const routes: string[] = [];
    core.events.on('navigate', ({ route }) => routes.push(route));
    expect(await core.handlers['launcher.launch']({ toolId: leave, source: 'palette' })).toEqual({ status: 'opened' });
    expect(routes).toEqual(['approvals/new?template=leave']);
  });

  it('shows each user only their tools, and follows the admin’s changes live', async () => {
    const finance = await w.defineTool({
      name: { en: 'Ledger', 'zh-CN': '总账' },
      target: { kind: 'web', url: 'https://ledger.example.com/' },
      audience: { departmentIds: ['d_finance'] },
    });
    const sales = await desktop('zhang.wei');
    const names = async (core: PorticoCore) => ((await core.handlers['launcher.catalog']({})) ?? []).map((t) => t.name.en);
    expect(await names(sales.core)).not.toContain('Ledger');
    expect((await sales.core.handlers['launcher.launch']({ toolId: finance, source: 'palette' })).status).toBe('failed');

    const changes: string[][] = [];
    sales.core.events.on('data.changed', ({ features }) => changes.push(features));
    const wiki = await w.defineTool({
      name: { en: 'Wiki', 'zh-CN': '知识库' },
      target: { kind: 'web', url: 'https://wiki.example.com/' },
    });
    await waitFor(() => changes.some((f) => f.includes('launcher')), 5000, 'catalog change pushed');
    expect(await names(sales.core)).toContain('Wiki');
    await w.http('DELETE', `/api/admin/tools/${wiki}`, 'huang.min');
    await waitFor(() => changes.filter((f) => f.includes('launcher')).length >= 2, 5000, 'removal pushed');
    expect(await names(sales.core)).not.toContain('Wiki');
  });

  it('keeps favourites in step across a user’s devices', async () => {
    const wiki = await w.defineTool({ target: { kind: 'web', url: 'https://wiki.example.com/' } });
    const office = await desktop('li.na');
    const laptop = await desktop('li.na');
    await laptop.core.handlers['launcher.catalog']({});
    expect(await office.core.handlers['launcher.setFavorite']({ toolId: wiki, favorite: true })).toMatchObject({
      status: 'done',
    });
    await waitFor(
      () => laptop.core.trayModel().items.some((i) => i.kind === 'tools' && i.tools.some((t) => t.toolId === wiki)),
      5000,
      'favourite reached the laptop’s tray',
    );
    expect((await laptop.core.handlers['launcher.catalog']({}))?.find((t) => t.id === wiki)?.favorite).toBe(true);
  });

  it('offline: a signed-in tool says it needs the server and opens nothing; a program runs, and its launch is counted once later', async () => {
    const { dir } = tempDir('programs');
    const allowed = program(dir, 'notepad');
    const expenses = await w.defineTool({
      target: { kind: 'web', url: 'https://expenses.example.com/', sso: { mode: 'query' } },
    });
    const notepad = await w.defineTool({ target: { kind: 'program', paths: { linux: allowed.file } } });
    const { core, shell } = await desktop('li.na', [allowed.file]);
    await core.handlers['launcher.catalog']({});

    const { port, dataDir } = w.server;
    await w.server.close();
    await waitFor(() => core.connectionView().state !== 'online', 5000, 'client noticed the server is gone');
    expect(await core.handlers['launcher.launch']({ toolId: expenses, source: 'palette' })).toMatchObject({
      status: 'failed',
      code: 'offline',
    });
    expect(shell.opened).toEqual([]);
    expect(await core.handlers['launcher.launch']({ toolId: notepad, source: 'palette' })).toEqual({ status: 'opened' });
    await waitFor(() => existsSync(allowed.marker), 5000, 'the program ran offline');
    expect(core.connectionView().queuedActions).toBe(1);

    const again = await startTestServer({ port, dataDir }, { clock: w.clock });
    cleanups.push(() => again.close());
    core.nudge();
    await waitFor(
      () => core.connectionView().state === 'online' && core.connectionView().queuedActions === 0,
      10_000,
      'outbox sent',
    );
    // The same address and data: the admin asks the restarted server.
    const usage = (await w.http('GET', '/api/admin/launcher/usage?days=7', 'huang.min')).body as {
      tools: { toolId: string; launches: number }[];
    };
    expect(usage.tools.find((t) => t.toolId === notepad)?.launches).toBe(1);
    expect(usage.tools.find((t) => t.toolId === expenses)?.launches).toBe(0);
  });
});

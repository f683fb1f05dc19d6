import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { LoginResponse } from '../../shared/protocol/http-api.ts';
import { seedOffice, spawnPortico, stopProcess, type RunningServer } from '../bench/bench-server.ts';
import { PorticoBenchClient, wallNow } from '../bench/portico-client.ts';
import { syncClientFor, tempDir, waitFor } from './harness.ts';
import { freePort } from './server-process.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const WRITERS = 200;
const WATCHERS = 3;
const GROUP = 10;

/** `npm run admin -- …` as an operator runs it: its own process, beside the running server. */
function admin(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['server/admin.ts', ...args], { cwd: root, timeout: 120_000 });
}

const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)] ?? 0;

/**
 * The recovery drill under load: 200 PCs chat and clock in while the backup runs beside the
 * server; the server is then lost (SIGKILL), the backup restored into a new folder and started
 * on the same port. Every action acknowledged before the backup began is there; the PCs come
 * back with one snapshot each; a desktop cache shows nothing the restored server does not have,
 * and nothing twice.
 */
describe('an online backup, restored after the server is lost', () => {
  const folders = tempDir('backup-drill');
  const stops: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    folders.remove();
  });

  it('holds every action acknowledged before it began, and the PCs resync onto it without doubles', async () => {
    const dataDir = path.join(folders.dir, 'data');
    const restoredDir = path.join(folders.dir, 'restored');
    const keyFile = path.join(folders.dir, 'backup.key');
    const backupFile = path.join(folders.dir, 'portico.backup');
    writeFileSync(keyFile, 'correct horse battery staple, for the drill\n', { mode: 0o600 });
    const accounts = await seedOffice(dataDir, WRITERS + WATCHERS);
    const port = await freePort();
    let server: RunningServer = await spawnPortico(dataDir, port);
    stops.push(() => stopProcess(server.child));

    // The writers (the bench's wire-level PCs) and three desktop cores with caches, one per group.
    const writers = accounts
      .slice(0, WRITERS)
      .map((a) => new PorticoBenchClient(a, { httpUrl: server.url, wsUrl: server.wsUrl, localAddress: '127.0.0.1' }));
    await Promise.all(writers.map((w) => w.start()));
    stops.push(() => writers.forEach((w) => w.close()));
    const watchers = await Promise.all(
      accounts.slice(WRITERS).map(async (account, i) => {
        const res = await fetch(`${server.url}/api/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken: account.refreshToken }),
        });
        const tokens = LoginResponse.parse(await res.json());
        const desk = syncClientFor(() => server.url, tokens, path.join(folders.dir, `desk-${i}.sqlite`));
        desk.client.start();
        return { userId: account.userId, ...desk };
      }),
    );
    stops.push(() => watchers.forEach((w) => w.client.stop()));
    await waitFor(() => watchers.every((w) => w.client.state === 'online'), 10_000, 'the desktops to be online');

    const groups = Array.from({ length: WRITERS / GROUP }, (_, g) => writers.slice(g * GROUP, (g + 1) * GROUP));
    const conversations = await Promise.all(
      groups.map(async (members, g) => {
        const watcher = watchers[g % WATCHERS]!;
        const outcome = await members[0]!.request(
          'chat.create',
          {
            kind: 'group',
            title: `Drill ${g}`,
            memberIds: [...members.slice(1).map((m) => m.userId), ...(g < WATCHERS ? [watcher.userId] : [])],
          },
          true,
        );
        expect(outcome.ok, outcome.code).toBe(true);
        return (outcome.result as { conversationId: string }).conversationId;
      }),
    );

    // Load: every writer chats every 50–150 ms and clocks in once; each acknowledgement is timed.
    const acked: { kind: 'message' | 'clock'; id: string; at: number; ms: number }[] = [];
    let writing = true;
    let clocksSettled = 0;
    const load = writers.map(async (writer, w) => {
      const conversationId = conversations[Math.floor(w / GROUP)]!;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      const clock = await writer.request('attendance.clockIn', { clientTime: Date.now(), offline: false }, true);
      clocksSettled += 1;
      if (clock.ok)
        acked.push({ kind: 'clock', id: (clock.result as { record: { id: string } }).record.id, at: wallNow(), ms: clock.ms });
      for (let k = 0; writing; k++) {
        const sent = await writer.request(
          'chat.send',
          { conversationId, text: `drill ${w}-${k}`, mentions: [], replyToId: null, attachmentIds: [] },
          true,
        );
        if (sent.ok)
          acked.push({ kind: 'message', id: (sent.result as { messageId: string }).messageId, at: wallNow(), ms: sent.ms });
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    });

    // Under way before the backup: every clock-in and a few hundred messages (however busy the machine).
    const acknowledged = (kind: 'message' | 'clock', after = 0) => acked.filter((a) => a.kind === kind && a.at > after).length;
    await waitFor(() => clocksSettled === WRITERS && acknowledged('message') >= 400, 60_000, 'the load to get going');
    const backupBegan = wallNow();
    const backup = await admin(['backup', '--data', dataDir, '--out', backupFile, '--key-file', keyFile]);
    const backupEnded = wallNow();
    // And after it: messages the backup will not have, which the desktops receive.
    await waitFor(() => acknowledged('message', backupEnded) >= 200, 60_000, 'messages after the backup');
    writing = false;
    await Promise.all(load);

    const before = acked.filter((a) => a.at < backupBegan);
    const during = acked.filter((a) => a.at >= backupBegan && a.at <= backupEnded);
    console.log(
      `backup drill: ${backup.stdout.trim()}; ${acked.length} actions acknowledged, ${before.length} before the backup began; ` +
        `acknowledgement p99 ${p99(before.map((a) => a.ms)).toFixed(0)} ms before it, ${p99(during.map((a) => a.ms)).toFixed(0)} ms during it (${during.length} actions)`,
    );
    expect(before.filter((a) => a.kind === 'clock').length).toBe(acknowledged('clock'));
    expect(acknowledged('clock')).toBeGreaterThan(WRITERS * 0.9);
    expect(before.filter((a) => a.kind === 'message').length).toBeGreaterThanOrEqual(400);
    expect(during.length, 'the server kept answering while the backup ran').toBeGreaterThan(0);

    // What the desktops hold now: messages from after the backup, which the restore will not have.
    const epochBefore = watchers[0]!.cache.position().epoch;
    const heldBefore = watchers.map((w, g) =>
      Math.max(0, ...w.cache.chat.page(conversations[g]!, null, 10_000).map((m) => m.seq)),
    );

    // The server is lost; the backup comes back into a new folder, on the same address.
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const restored = await admin(['restore', '--data', restoredDir, '--from', backupFile, '--key-file', keyFile]);
    expect(restored.stdout).toMatch(/restored the backup/);
    expect((await admin(['check', '--data', restoredDir])).stdout).toMatch(/integrity ok/);

    const db = new Database(path.join(restoredDir, 'portico.sqlite'), { readonly: true });
    const messageIds = new Set((db.prepare('SELECT id FROM messages').all() as { id: string }[]).map((r) => r.id));
    const clockIds = new Set((db.prepare('SELECT id FROM clock_records').all() as { id: string }[]).map((r) => r.id));
    const lastSeqOf = db.prepare('SELECT max(seq) AS seq FROM messages WHERE conversation_id = ?');
    const restoredEpoch = (db.prepare("SELECT value FROM meta WHERE key = 'log_epoch'").get() as { value: string }).value;
    expect(restoredEpoch).not.toBe(epochBefore);
    const missing = before.filter((a) => !(a.kind === 'message' ? messageIds : clockIds).has(a.id));
    expect(missing, 'acknowledged before the backup began, yet not in it').toEqual([]);

    server = await spawnPortico(restoredDir, port);
    // The desktops reconnect on their own (same address): one resync each, onto the restored log.
    await waitFor(() => watchers.every((w) => w.client.state === 'online'), 30_000, 'the desktops to be back online');
    const aheadOfBackup: number[] = [];
    for (const [g, watcher] of watchers.entries()) {
      expect(watcher.cache.position().epoch, 'the desktop took the restored log’s snapshot').toBe(restoredEpoch);
      const conversationId = conversations[g]!;
      const restoredLast = (lastSeqOf.get(conversationId) as { seq: number }).seq;
      aheadOfBackup.push(heldBefore[g]! - restoredLast);
      const cached = watcher.cache.chat.page(conversationId, null, 10_000);
      const seqs = cached.map((m) => m.seq);
      expect(new Set(seqs).size, 'no message number twice').toBe(seqs.length);
      expect(Math.max(0, ...seqs), 'nothing past the restored end').toBeLessThanOrEqual(restoredLast);
      expect(
        cached.filter((m) => !messageIds.has(m.id)),
        'only messages the restored server has',
      ).toEqual([]);
    }
    db.close();
    // The drill is only a drill if the desktops held messages the backup did not.
    expect(Math.max(...aheadOfBackup)).toBeGreaterThan(0);

    // Life goes on: a message after the restore reaches the desktop once, with the next number.
    const writer = new PorticoBenchClient(accounts[0]!, { httpUrl: server.url, wsUrl: server.wsUrl, localAddress: '127.0.0.1' });
    writers[0]!.close();
    await writer.start();
    stops.push(() => writer.close());
    const after = await writer.request(
      'chat.send',
      { conversationId: conversations[0], text: 'after the restore', mentions: [], replyToId: null, attachmentIds: [] },
      true,
    );
    expect(after.ok, after.code).toBe(true);
    const watcher = watchers[0]!;
    await waitFor(
      () => watcher.cache.chat.page(conversations[0]!, null, 10_000).some((m) => m.text === 'after the restore'),
      10_000,
      'the new message on the desktop',
    );
    const page = watcher.cache.chat.page(conversations[0]!, null, 10_000);
    expect(page.filter((m) => m.seq === (after.result as { seq: number }).seq).map((m) => m.text)).toEqual(['after the restore']);
  }, 240_000);
});

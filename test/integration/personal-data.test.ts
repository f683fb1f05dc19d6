import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalDataExport } from '../../server/ops/personal-data.ts';
import { login, publishNotice, rawSocket, startTestServer, tempDir } from './harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** A socket that sends requests and waits for their answers. */
async function session(server: { url: string; wsUrl: string }, username: string) {
  const { accessToken } = await login(server.url, username);
  const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${accessToken}` });
  const welcome = await socket.next('welcome');
  socket.ws.send(JSON.stringify({ type: 'resume', since: 0, epoch: welcome.type === 'welcome' ? welcome.epoch : null }));
  await socket.next('resumed');
  let n = 0;
  const call = async (method: string, params: object) => {
    const id = `${username}-${n++}`;
    socket.ws.send(JSON.stringify({ type: 'request', id, method, params, actionId: randomUUID() }));
    for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
      const answer = socket.frames.find((f) => f.type === 'response' && f.id === id);
      if (answer?.type === 'response') {
        if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
        return answer.result as Record<string, unknown>;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`${method}: no answer; got ${JSON.stringify(socket.frames.slice(-3))}`);
  };
  return { accessToken, call, close: () => socket.ws.close() };
}

describe('a person’s copy of their data', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('holds what they did in every feature, and nothing of anyone else, for administrators only, audited', async () => {
    const zhang = await session(server, 'zhang.wei');
    const liu = await session(server, 'liu.yang');
    const clocked = await zhang.call('attendance.clockIn', { clientTime: Date.now(), offline: false });
    const { conversationId } = await zhang.call('chat.create', { kind: 'direct', title: null, memberIds: ['u_liu_yang'] });
    await zhang.call('chat.send', {
      conversationId,
      text: 'mine: the quarterly figures',
      mentions: [],
      replyToId: null,
      attachmentIds: [],
    });
    await liu.call('chat.send', { conversationId, text: 'not his: my reply', mentions: [], replyToId: null, attachmentIds: [] });
    await zhang.call('kudos.give', { toUserId: 'u_liu_yang', message: 'mine: thanks for the figures' });
    await liu.call('kudos.give', { toUserId: 'u_wang_fang', message: 'not his: thanks between others' });
    const hr = await login(server.url, 'chen.jing');
    const notice = (await (
      await publishNotice(server.url, hr.accessToken, {
        title: 'Data notice',
        body: 'x',
        requiresAck: false,
        audience: { everyone: true },
      })
    ).json()) as { noticeId: string };
    await server.services.noticesModule.fanout.drained();
    await zhang.call('notices.markRead', { noticeId: notice.noticeId });

    const admin = await login(server.url, 'huang.min');
    const refused = await fetch(`${server.url}/api/admin/users/u_zhang_wei/export`, {
      headers: { authorization: `Bearer ${zhang.accessToken}` },
    });
    expect(refused.status).toBe(403);
    const res = await fetch(`${server.url}/api/admin/users/u_zhang_wei/export`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('portico-u_zhang_wei.json');
    const data = (await res.json()) as PersonalDataExport;
    const parts = data.parts as {
      directory: { profile: { username: string }; roles: string[] };
      attendance: { clocks: { id: string }[] };
      chat: { sent: { text: string | null }[] };
      notices: { received: { noticeId: string; readAt: number | null }[] };
      approvals: { submitted: unknown[]; decided: unknown[] };
      presence: { settings: unknown };
      kudos: { kudos: { message: string }[] };
    };
    expect(Object.keys(parts).sort()).toEqual(['approvals', 'attendance', 'chat', 'directory', 'kudos', 'notices', 'presence']);
    expect(parts.kudos.kudos.map((k) => k.message)).toEqual(['mine: thanks for the figures']);
    expect(parts.directory.profile.username).toBe('zhang.wei');
    expect(parts.attendance.clocks.map((c) => c.id)).toContain((clocked.record as { id: string }).id);
    expect(parts.chat.sent.map((m) => m.text)).toContain('mine: the quarterly figures');
    expect(JSON.stringify(data)).not.toContain('not his: my reply');
    expect(parts.notices.received.find((r) => r.noticeId === notice.noticeId)?.readAt).toEqual(expect.any(Number));
    expect(JSON.stringify(data)).not.toMatch(/password|scrypt\$/);
    expect(
      (
        await fetch(`${server.url}/api/admin/users/u_nobody/export`, {
          headers: { authorization: `Bearer ${admin.accessToken}` },
        })
      ).status,
    ).toBe(404);

    const audit = (await (
      await fetch(`${server.url}/api/admin/users/u_zhang_wei/audit`, {
        headers: { authorization: `Bearer ${admin.accessToken}` },
      })
    ).json()) as { action: string; actorId: string }[];
    expect(audit.at(-1)).toMatchObject({ action: 'data_exported', actorId: 'u_huang_min' });
    zhang.close();
    liu.close();

    // The command line gives the same parts from the data folder.
    const folder = tempDir('export');
    try {
      const out = path.join(folder.dir, 'zhang.json');
      await run(
        process.execPath,
        ['server/admin.ts', 'export-user', '--data', server.dataDir, '--user', 'zhang.wei', '--out', out],
        { cwd: root },
      );
      const offline = JSON.parse(readFileSync(out, 'utf8')) as PersonalDataExport;
      expect(Object.keys(offline.parts).sort()).toEqual(Object.keys(parts).sort());
      expect(JSON.stringify(offline.parts.chat)).toContain('mine: the quarterly figures');
    } finally {
      folder.remove();
    }
  });
});

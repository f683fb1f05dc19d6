import { afterEach, describe, expect, it } from 'vitest';
import { BRIEF_ITEMS_MAX } from '../../shared/domain/brief.ts';
import { login, rawSocket, startTestServer } from './harness.ts';

const RLO = '\u202E';

describe('one schema per shape: what enters and what leaves the server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const user = await login(server.url, 'zhang.wei');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    cleanups.push(() => socket.ws.close());
    let n = 0;
    const call = async (method: string, params: object, mutating = true) => {
      const id = `q${(n += 1)}`;
      socket.ws.send(
        JSON.stringify({ type: 'request', id, method, params, ...(mutating ? { actionId: crypto.randomUUID() } : {}) }),
      );
      return (await socket.next('response')) as { ok: boolean; error?: { code: string; message: string } };
    };
    return { server, user, call };
  }

  it('refuses a direction override in any text of any request, naming the field, whatever the method’s own schema', async () => {
    const { server, user, call } = await setup();
    const cases: [string, object][] = [
      [
        'approvals.submit',
        {
          templateKey: 'overtime',
          values: { date: '2026-11-28', hours: 2, compensation: 'pay', reason: `Invoice ${RLO}fdp.exe` },
          attachmentIds: [],
        },
      ],
      ['approvals.setOutOfOffice', { from: Date.now(), until: Date.now() + 3600_000, proxyId: 'u_liu_yang', note: `x${RLO}y` }],
      ['presence.set', { manual: 'busy', manualUntil: null, statusText: `In ${RLO}meeting`, schedule: null }],
    ];
    for (const [method, params] of cases) {
      const answer = await call(method, params);
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
      expect(answer.error!.message, method).toMatch(/direction-override characters/);
    }
    expect((await call('approvals.submit', cases[0]![1])).error!.message).toMatch(/values\.reason/);

    // The same for the HTTP API: a notice titled with an override is refused with the field named.
    const hr = await login(server.url, 'chen.jing');
    const res = await fetch(`${server.url}/api/notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hr.accessToken}` },
      body: JSON.stringify({ title: `Salary ${RLO}gnitsil`, audience: { everyone: true } }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/title: direction-override/);
    expect(user.accessToken).not.toBe('');
  });

  it('never sends an event a client would drop: an oversized one rolls its write back', async () => {
    const { server } = await setup();
    const { gate, log } = server.services;
    const items = Array.from({ length: BRIEF_ITEMS_MAX + 1 }, (_, i) => ({
      id: `b_${i}`,
      day: '2026-11-23',
      text: `Item ${i}`,
      authorName: '王芳',
      departmentName: 'Sales',
      createdAt: 0,
    }));
    const before = log.position('u_zhang_wei').head;
    expect(() =>
      gate.write((tx) => tx.emit(['u_zhang_wei'], { kind: 'brief.items', day: '2026-11-23', items, added: null })),
    ).toThrow(/brief\.items does not fit the wire schema/);
    expect(log.position('u_zhang_wei').head).toBe(before);
  });
});

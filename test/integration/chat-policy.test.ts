import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatWorld, chatWorld } from './chat-world.ts';
import { rawSocket } from './harness.ts';

const everyoneBut = (me: string, ids: string[]) => ids.filter((id) => id !== me);

describe('chat policy and authorisation, enforced on the server', () => {
  let w: ChatWorld;
  beforeEach(async () => {
    w = await chatWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  const conversationCount = () => w.server.services.chat.store.conversationCount();

  it('refuses a group larger than the admins allow to someone without the role, and creates nothing', async () => {
    expect((await w.http('PUT', '/api/admin/chat/policy', 'huang.min', { largeGroupThreshold: 4 })).status).toBe(200);
    const zhang = await w.desktop('zhang.wei');
    const before = await conversationCount();
    const refused = await zhang.core.handlers['chat.create']({
      kind: 'group',
      title: '大群',
      memberIds: ['u_liu_yang', 'u_sun_li', 'u_zhou_jie', 'u_wang_fang'],
    });
    expect(refused).toMatchObject({ status: 'failed', code: 'policy_refused', details: { reason: 'large_group', limit: 4 } });
    expect(await conversationCount()).toBe(before);
    expect(await zhang.core.handlers['chat.list']({})).toEqual([]);
    // Four is allowed; growing it past the limit later is refused the same way.
    const small = await zhang.core.handlers['chat.create']({
      kind: 'group',
      title: '小组',
      memberIds: ['u_liu_yang', 'u_sun_li', 'u_zhou_jie'],
    });
    expect(small).toMatchObject({ status: 'done' });
    const id = small.status === 'done' ? small.conversationId! : '';
    expect(await zhang.core.handlers['chat.addMembers']({ conversationId: id, memberIds: ['u_wang_fang'] })).toMatchObject({
      status: 'failed',
      code: 'policy_refused',
    });
    expect(await w.server.services.chat.store.memberCount(id)).toBe(4);
    // HR has the role for large groups.
    const chen = await w.desktop('chen.jing');
    expect(
      await chen.core.handlers['chat.create']({
        kind: 'group',
        title: '新员工',
        memberIds: ['u_liu_yang', 'u_sun_li', 'u_zhou_jie', 'u_ma_lin'],
      }),
    ).toMatchObject({ status: 'done' });
    expect(await chen.core.handlers['chat.policy']({})).toMatchObject({ mayCreateLargeGroups: true, mayCreateChannels: true });
    expect(await zhang.core.handlers['chat.policy']({})).toMatchObject({ mayCreateLargeGroups: false, mayCreateChannels: false });
  });

  it('refuses a group of the whole organisation by default, even to an admin, until the policy allows it', async () => {
    const huang = await w.desktop('huang.min');
    const everyone = everyoneBut('u_huang_min', w.server.services.directory.activeUserIds());
    const before = await conversationCount();
    expect(await huang.core.handlers['chat.create']({ kind: 'group', title: '全员', memberIds: everyone })).toMatchObject({
      status: 'failed',
      code: 'policy_refused',
      details: { reason: 'organisation_wide' },
    });
    expect(await conversationCount()).toBe(before);
    await w.http('PUT', '/api/admin/chat/policy', 'huang.min', { allowOrganisationWideGroups: true });
    expect(await huang.core.handlers['chat.create']({ kind: 'group', title: '全员', memberIds: everyone })).toMatchObject({
      status: 'done',
    });
  });

  it('lets only allowed roles open channels, and only channel admins post in them', async () => {
    const zhang = await w.desktop('zhang.wei');
    expect(await zhang.core.handlers['chat.create']({ kind: 'channel', title: '公告', memberIds: ['u_liu_yang'] })).toMatchObject(
      {
        status: 'failed',
        code: 'policy_refused',
        details: { reason: 'channel' },
      },
    );
  });

  it('answers non-members as if the conversation did not exist, and checks every input', async () => {
    const zhang = await w.desktop('zhang.wei');
    const created = await zhang.core.handlers['chat.create']({ kind: 'direct', title: null, memberIds: ['u_liu_yang'] });
    const id = created.status === 'done' ? created.conversationId! : '';
    const token = (await (
      await fetch(`${w.server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ma.lin', password: 'portico-demo' }),
      })
    ).json()) as { accessToken: string };
    const socket = await rawSocket(w.server.wsUrl, { authorization: `Bearer ${token.accessToken}` });
    const ask = async (method: string, params: unknown, actionId?: string) => {
      socket.ws.send(
        JSON.stringify({ type: 'request', id: `q${Math.random()}`, method, params, ...(actionId ? { actionId } : {}) }),
      );
      return socket.next('response');
    };
    await socket.next('welcome');
    for (const [method, params, mutating] of [
      ['chat.history', { conversationId: id }, false],
      ['chat.receipts', { conversationId: id }, false],
      ['chat.typing', { conversationId: id }, false],
      ['chat.send', { conversationId: id, text: 'hi' }, true],
      ['chat.markRead', { conversationId: id, seq: 1 }, true],
      ['chat.addMembers', { conversationId: id, memberIds: ['u_ma_lin'] }, true],
    ] as const) {
      const answer = await ask(method, params, mutating ? crypto.randomUUID() : undefined);
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const bad = [
      ['chat.send', { conversationId: id, text: 'x'.repeat(4001) }],
      ['chat.send', { conversationId: 'bad id!', text: 'x' }],
      ['chat.create', { kind: 'party', memberIds: ['u_liu_yang'] }],
      ['chat.create', { kind: 'group', memberIds: [] }],
      ['presence.set', { manual: 'asleep', manualUntil: null, statusText: null, schedule: null }],
      [
        'presence.set',
        { manual: 'dnd', manualUntil: null, statusText: null, schedule: { from: '25:00', to: '08:00', days: [1] } },
      ],
      ['presence.watch', { userIds: Array.from({ length: 1001 }, (_, i) => `u_${i}`) }],
    ] as const;
    for (const [method, params] of bad) {
      const answer = await ask(method, params, crypto.randomUUID());
      expect(answer, `${method} ${JSON.stringify(params).slice(0, 60)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_params' },
      });
    }
    // An empty message, a mention of a stranger, a reply to another conversation's message.
    for (const params of [
      { conversationId: id, text: '   ' },
      { conversationId: id, text: 'hi @马琳', mentions: ['u_ma_lin'] },
    ]) {
      expect(await zhang.core.handlers['chat.send']({ mentions: [], replyToId: null, attachments: [], ...params })).toMatchObject(
        {
          status: 'failed',
          code: 'invalid_params',
        },
      );
    }
    socket.ws.close();
  });
});

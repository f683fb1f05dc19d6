import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatWorld, type Desktop, chatWorld, conversationNamed, eventually, send } from './chat-world.ts';

async function page(d: Desktop, conversationId: string) {
  return (await d.core.handlers['chat.messages']({ conversationId, beforeSeq: null, limit: 200 })).messages;
}

describe('chat across disconnects: once each, in order', () => {
  let w: ChatWorld;
  beforeEach(async () => {
    w = await chatWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  it('messages sent while the receiver is offline arrive once, in order, when it comes back', async () => {
    const zhang = await w.desktop('zhang.wei');
    let liu = await w.desktop('liu.yang');
    const created = await zhang.core.handlers['chat.create']({ kind: 'direct', title: null, memberIds: ['u_liu_yang'] });
    const id = created.status === 'done' ? created.conversationId! : '';
    await send(zhang, { conversationId: id, text: 'before' });
    await eventually(async () => (await page(liu, id)).length === 1, 5000, 'first message');
    liu.core.stop(); // the PC sleeps

    for (const text of ['一', '二', '三', '四', '五']) {
      expect(await send(zhang, { conversationId: id, text })).toMatchObject({ status: 'done' });
    }
    liu = await w.desktop('liu.yang', liu.dir); // it wakes: same cache, same session
    await eventually(async () => (await page(liu, id)).length === 6, 5000, 'the five arrived');
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything repeated would land by now
    const messages = await page(liu, id);
    expect(messages.map((m) => m.text)).toEqual(['before', '一', '二', '三', '四', '五']);
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await liu.core.handlers['chat.list']({})).find((c) => c.id === id)?.unread).toBe(6);
  });

  it('messages typed offline show as pending and go out once each, in order, when the server is back', async () => {
    const zhang = await w.desktop('zhang.wei');
    const liu = await w.desktop('liu.yang');
    const created = await zhang.core.handlers['chat.create']({ kind: 'direct', title: null, memberIds: ['u_liu_yang'] });
    const id = created.status === 'done' ? created.conversationId! : '';
    await conversationNamed(liu, '张伟');

    await w.restartServer(async () => {
      await eventually(async () => zhang.core.connectionView().state !== 'online', 5000, 'zhang noticed');
      for (const text of ['订单 A', '订单 B', '订单 C']) {
        expect(await send(zhang, { conversationId: id, text })).toEqual({ status: 'queued' });
      }
      const offline = await zhang.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 });
      expect(offline.pending.map((p) => p.text)).toEqual(['订单 A', '订单 B', '订单 C']);
      expect((await zhang.core.handlers['chat.list']({}))[0]?.pending).toBe(3);
      // Found offline too? Pending messages are not in the search index until the server has them.
      expect(zhang.core.connectionView().queuedActions).toBe(3);
    });
    zhang.core.nudge();
    liu.core.nudge();
    await eventually(async () => (await page(liu, id)).length === 3, 10_000, 'the three reached liu');
    await eventually(async () => zhang.core.connectionView().queuedActions === 0, 5000, 'outbox empty');
    expect((await page(liu, id)).map((m) => m.text)).toEqual(['订单 A', '订单 B', '订单 C']);
    const mine = await zhang.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 });
    expect(mine.pending).toEqual([]);
    expect(mine.messages.map((m) => m.text)).toEqual(['订单 A', '订单 B', '订单 C']);
    // Exactly once on the server as well.
    const history = await w.server.services.chat.messages.history('u_liu_yang', id, null, 50);
    expect(history.messages.map((m) => m.text).sort()).toEqual(['订单 A', '订单 B', '订单 C']);
  });

  it('a message the server refuses for good stays, marked, until discarded', async () => {
    const chen = await w.desktop('chen.jing'); // HR: may create channels
    const zhang = await w.desktop('zhang.wei');
    const created = await chen.core.handlers['chat.create']({
      kind: 'channel',
      title: '公司公告',
      memberIds: ['u_zhang_wei', 'u_liu_yang'],
    });
    const id = created.status === 'done' ? created.conversationId! : '';
    await conversationNamed(zhang, '公司公告');
    expect((await zhang.core.handlers['chat.open']({ conversationId: id }))?.mayPost).toBe(false);
    expect(await send(zhang, { conversationId: id, text: '我也想说' })).toMatchObject({
      status: 'failed',
      code: 'policy_refused',
    });
    const { pending } = await zhang.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 });
    expect(pending).toMatchObject([{ text: '我也想说', failed: { code: 'policy_refused' } }]);
    await zhang.core.handlers['chat.discard']({ actionId: pending[0]!.actionId });
    expect((await zhang.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 })).pending).toEqual([]);
    expect(await send(chen, { conversationId: id, text: '周五下午消防演习' })).toMatchObject({ status: 'done' });
  });

  it('pages history from the server for a member who joins later, from where they joined', async () => {
    const wang = await w.desktop('wang.fang');
    const created = await wang.core.handlers['chat.create']({ kind: 'group', title: '销售周报', memberIds: ['u_zhang_wei'] });
    const id = created.status === 'done' ? created.conversationId! : '';
    for (let i = 1; i <= 5; i += 1) await send(wang, { conversationId: id, text: `before ${i}` });
    await wang.core.handlers['chat.addMembers']({ conversationId: id, memberIds: ['u_sun_li'] });
    for (let i = 1; i <= 40; i += 1) {
      w.clock.advance(500); // a conversation over a few minutes (and the rate limit refills)
      await send(wang, { conversationId: id, text: `after ${i}` });
    }
    const sun = await w.desktop('sun.li'); // a new PC: the cache starts empty
    await conversationNamed(sun, '销售周报');
    const latest = await sun.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 20 });
    expect(latest.messages.map((m) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `after ${i + 21}`));
    expect(latest.hasMore).toBe(true);
    const older = await sun.core.handlers['chat.messages']({ conversationId: id, beforeSeq: latest.messages[0]!.seq, limit: 50 });
    expect(older.messages.map((m) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `after ${i + 1}`));
    expect(older.hasMore).toBe(false); // what was said before sun joined is not theirs to read
    // Asking the server directly for what came before: nothing.
    expect((await w.server.services.chat.messages.history('u_sun_li', id, older.messages[0]!.seq, 50)).messages).toEqual([]);
  });

  it('an outbox over the server’s rate limit waits as asked and carries on, in order, once each', async () => {
    const wang = await w.desktop('wang.fang');
    const created = await wang.core.handlers['chat.create']({ kind: 'group', title: '限流', memberIds: ['u_zhang_wei'] });
    const id = created.status === 'done' ? created.conversationId! : '';
    // 80 at once: more than a socket's burst (60); the server's clock is frozen, so the bucket stays empty.
    const sends = Array.from({ length: 80 }, (_, i) => send(wang, { conversationId: id, text: `n${i + 1}` }));
    await eventually(async () => wang.core.connectionView().queuedActions > 0, 5000, 'the limit reached');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stuck = wang.core.connectionView().queuedActions;
    expect(stuck).toBeGreaterThan(0);
    // Time passes: the buckets refill a little at a time (acks spend tokens too), each retry takes what it can.
    await eventually(
      async () => {
        w.clock.advance(2000);
        return wang.core.connectionView().queuedActions === 0;
      },
      10_000,
      'outbox drained',
    );
    await Promise.all(sends);
    const history = (await w.server.services.chat.messages.history('u_wang_fang', id, null, 200)).messages.reverse();
    expect(history.map((m) => m.text)).toEqual(Array.from({ length: 80 }, (_, i) => `n${i + 1}`));
  });
});

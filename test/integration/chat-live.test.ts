import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatWorld, type Desktop, chatWorld, conversationNamed, eventually, send } from './chat-world.ts';
import { waitFor } from './harness.ts';

async function texts(d: Desktop, conversationId: string): Promise<string[]> {
  const page = await d.core.handlers['chat.messages']({ conversationId, beforeSeq: null, limit: 200 });
  return page.messages.map((m) => m.text);
}

async function unread(d: Desktop, conversationId: string): Promise<number | undefined> {
  return (await d.core.handlers['chat.list']({})).find((c) => c.id === conversationId)?.unread;
}

describe('chat between desktop cores and a real server', () => {
  let w: ChatWorld;
  beforeEach(async () => {
    w = await chatWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  it('talks live: message, unread badge, toast, typing, and the read receipt back to the sender', async () => {
    const zhang = await w.desktop('zhang.wei');
    const liu = await w.desktop('liu.yang');
    const created = await zhang.core.handlers['chat.create']({ kind: 'direct', title: null, memberIds: ['u_liu_yang'] });
    expect(created).toMatchObject({ status: 'done', conversationId: expect.stringMatching(/^c_/) });
    const id = created.status === 'done' ? created.conversationId! : '';
    // Asking again for the same pair returns the same conversation.
    expect(await zhang.core.handlers['chat.create']({ kind: 'direct', title: null, memberIds: ['u_liu_yang'] })).toMatchObject({
      conversationId: id,
    });
    expect(await conversationNamed(liu, '张伟')).toBe(id);

    await liu.core.handlers['chat.typing']({ conversationId: id });
    await waitFor(() => zhang.typing.some((t) => t.conversationId === id && t.name === '刘洋'), 5000, 'typing shown');

    expect(await send(zhang, { conversationId: id, text: '订单号 **SO-2026-11873** 请查一下' })).toMatchObject({
      status: 'done',
    });
    await waitFor(() => liu.toasts.some((t) => t.kind === 'chat.message'), 5000, 'toast on the receiver');
    expect(liu.toasts.find((t) => t.kind === 'chat.message')).toMatchObject({
      title: '张伟',
      body: '订单号 SO-2026-11873 请查一下',
      route: `chat/${id}`,
    });
    expect(await unread(liu, id)).toBe(1);
    expect((await liu.core.handlers['home.get']({})).unreadChats).toBe(1);
    // The sender's own message is not unread for them, and shows no toast.
    expect(await unread(zhang, id)).toBe(0);
    expect(zhang.toasts.filter((t) => t.kind === 'chat.message')).toEqual([]);

    const detail = await zhang.core.handlers['chat.open']({ conversationId: id });
    expect(detail?.reads.find((r) => r.userId === 'u_liu_yang')?.seq ?? 0).toBe(0);
    expect(await liu.core.handlers['chat.markRead']({ conversationId: id, seq: 1 })).toMatchObject({ status: 'done' });
    expect(await unread(liu, id)).toBe(0);
    await eventually(
      async () =>
        (await zhang.core.handlers['chat.open']({ conversationId: id }))?.reads.find((r) => r.userId === 'u_liu_yang')?.seq === 1,
      5000,
      'receipt reached the sender',
    );

    // While the conversation is on liu's screen, its messages raise no toast; once hidden, they do again.
    await liu.core.handlers['chat.viewing']({ conversationId: id });
    const before = liu.toasts.length;
    await send(zhang, { conversationId: id, text: '看到了吗' });
    await eventually(
      async () =>
        (await liu.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 })).messages.length === 2,
      5000,
      'second message',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(liu.toasts.length).toBe(before);
    await liu.core.handlers['chat.viewing']({ conversationId: null });
    await send(zhang, { conversationId: id, text: '好的' });
    await waitFor(() => liu.toasts.length === before + 1, 5000, 'toast once the window is hidden');
  });

  it('groups: mentions come through a mute, replies quote, edits and deletes only within the window, receipts per member', async () => {
    const wang = await w.desktop('wang.fang');
    const zhang = await w.desktop('zhang.wei');
    const sun = await w.desktop('sun.li');
    const created = await wang.core.handlers['chat.create']({
      kind: 'group',
      title: '华东大客户',
      memberIds: ['u_zhang_wei', 'u_sun_li', 'u_zhou_jie'],
    });
    const id = created.status === 'done' ? created.conversationId! : '';
    await conversationNamed(zhang, '华东大客户');
    await conversationNamed(sun, '华东大客户');
    expect(await sun.core.handlers['chat.mute']({ conversationId: id, muted: true })).toMatchObject({ status: 'done' });

    await send(wang, { conversationId: id, text: '周五前把报价发出去' });
    await waitFor(() => zhang.toasts.some((t) => t.kind === 'chat.message'), 5000, 'zhang toasted');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sun.toasts.filter((t) => t.kind === 'chat.message')).toEqual([]); // muted
    expect((await sun.core.handlers['home.get']({})).unreadChats).toBe(0); // muted: not in the badge

    const first = (await zhang.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 })).messages[0]!;
    await send(zhang, {
      conversationId: id,
      text: '@孙丽 你负责宁波那家',
      mentions: ['u_sun_li'],
      replyToId: first.id,
    });
    await waitFor(() => sun.toasts.some((t) => t.kind === 'chat.message'), 5000, 'the mention came through the mute');
    expect(sun.toasts.find((t) => t.kind === 'chat.message')?.title).toBe('张伟 mentioned you in 华东大客户');
    const list = await sun.core.handlers['chat.list']({});
    expect(list.find((c) => c.id === id)).toMatchObject({ unread: 2, mentioned: true, muted: true });
    const reply = (await sun.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 })).messages[1]!;
    expect(reply.replyTo).toMatchObject({ messageId: first.id, senderName: '王芳', excerpt: '周五前把报价发出去' });

    // Edit within the window reaches everyone; after 15 minutes it is refused.
    expect(
      await zhang.core.handlers['chat.edit']({ messageId: reply.id, text: '@孙丽 你负责宁波和温州', mentions: ['u_sun_li'] }),
    ).toMatchObject({
      status: 'done',
    });
    await eventually(async () => (await texts(wang, id))[1] === '@孙丽 你负责宁波和温州', 5000, 'edit reached the group');
    w.clock.advance(16 * 60_000);
    expect(await zhang.core.handlers['chat.edit']({ messageId: reply.id, text: 'too late', mentions: [] })).toMatchObject({
      status: 'failed',
      code: 'window_closed',
    });
    expect(await zhang.core.handlers['chat.delete']({ messageId: reply.id })).toMatchObject({
      status: 'failed',
      code: 'window_closed',
    });
    // The group's owner may still remove it (moderation); it stays in place, emptied.
    expect(await wang.core.handlers['chat.delete']({ messageId: reply.id })).toMatchObject({ status: 'done' });
    await eventually(
      async () => {
        const p = await sun.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 });
        return p.messages[1]?.deleted === true && p.messages[1].text === '';
      },
      5000,
      'delete reached the group',
    );

    // Who has read what, per member.
    await sun.core.handlers['chat.markRead']({ conversationId: id, seq: 2 });
    await zhang.core.handlers['chat.markRead']({ conversationId: id, seq: 1 });
    await eventually(
      async () => {
        const d = await wang.core.handlers['chat.open']({ conversationId: id });
        const reads = Object.fromEntries((d?.reads ?? []).map((r) => [r.userId, r.seq]));
        return reads['u_sun_li'] === 2 && reads['u_zhang_wei'] === 2 && reads['u_zhou_jie'] === 0;
      },
      5000,
      'receipts per member',
    );
  });

  it('files: stored by the server, downloaded by members only', async () => {
    const zhang = await w.desktop('zhang.wei');
    const created = await zhang.core.handlers['chat.create']({ kind: 'direct', title: null, memberIds: ['u_liu_yang'] });
    const id = created.status === 'done' ? created.conversationId! : '';
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = await zhang.core.handlers['approvals.upload']({ name: 'receipt.png', base64: png.toString('base64') });
    expect(upload).toMatchObject({ ok: true, attachment: { mediaType: 'image/png' } });
    const attachment = upload.ok ? upload.attachment : null;
    await send(zhang, { conversationId: id, text: '', attachments: [attachment!] });
    const liu = await w.desktop('liu.yang');
    await conversationNamed(liu, '张伟');
    const [message] = (await liu.core.handlers['chat.messages']({ conversationId: id, beforeSeq: null, limit: 50 })).messages;
    expect(message?.attachments).toEqual([attachment]);
    expect(await liu.core.handlers['approvals.download']({ attachmentId: attachment!.id })).toMatchObject({
      ok: true,
      base64: png.toString('base64'),
    });
    const outsider = await w.desktop('ma.lin');
    expect(await outsider.core.handlers['approvals.download']({ attachmentId: attachment!.id })).toEqual({
      ok: false,
      code: 'not_found',
    });
  });
});

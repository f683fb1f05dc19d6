import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PresenceState } from '../../shared/domain/presence/index.ts';
import { type ChatWorld, type Desktop, chatWorld, eventually } from './chat-world.ts';

const GRACE_MS = 20_000;

/** The last state `watcher` heard for `userId`. */
function heard(watcher: Desktop, userId: string): PresenceState | undefined {
  return watcher.presence
    .flatMap((p) => p.presences)
    .filter((p) => p.userId === userId)
    .at(-1)?.state;
}

describe('presence with a controlled clock', () => {
  let w: ChatWorld;
  beforeEach(async () => {
    w = await chatWorld({ presenceGraceMs: GRACE_MS, presenceTickMs: 60_000 });
  });
  afterEach(async () => {
    await w.close();
  });
  const tick = () => w.server.services.presence.tick();

  it('online, away when idle, kept through a short drop, offline after the grace; a reconnect does not flip away to online', async () => {
    const liu = await w.desktop('liu.yang');
    const zhang = await w.desktop('zhang.wei');
    await liu.core.handlers['presence.watch']({ userIds: ['u_zhang_wei'] });
    await eventually(async () => heard(liu, 'u_zhang_wei') === 'online', 5000, 'online');

    w.clock.advance(11 * 60_000); // no input for 11 minutes (the browser host's page said nothing)
    zhang.core.minuteTick();
    await eventually(async () => heard(liu, 'u_zhang_wei') === 'away', 5000, 'away');

    // The network drops (Wi-Fi, VPN) and the same app reconnects within the grace: no "offline", still away.
    const signals = liu.presence.length;
    const socket = (zhang.core as unknown as { keeper: { session: { sync: { ws: { terminate(): void } } } } }).keeper.session.sync
      .ws;
    // The states core reports from here on: a fast reconnect can be back online between two polls.
    const states: string[] = [];
    zhang.core.events.on('connection.changed', (view) => states.push(view.state));
    socket.terminate();
    await eventually(async () => states.some((state) => state !== 'online'), 5000, 'dropped');
    w.clock.advance(5000);
    tick();
    zhang.core.nudge();
    await eventually(async () => zhang.core.connectionView().state === 'online', 5000, 'reconnected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = liu.presence
      .slice(signals)
      .flatMap((p) => p.presences)
      .filter((p) => p.userId === 'u_zhang_wei')
      .map((p) => p.state);
    expect(during).not.toContain('offline');
    expect(during).not.toContain('online'); // the new socket starts as the old one ended: away
    expect(w.server.services.presence.tracker.view('u_zhang_wei').state).toBe('away');

    // Input again: online. Then the PC is shut down: offline only once the grace has passed.
    await zhang.core.handlers['presence.activity']({});
    await eventually(async () => heard(liu, 'u_zhang_wei') === 'online', 5000, 'back online');
    zhang.core.stop();
    await eventually(async () => w.server.gateway.connectionCount === 1, 5000, 'socket gone');
    w.clock.advance(GRACE_MS - 1000);
    tick();
    expect(w.server.services.presence.tracker.view('u_zhang_wei').state).toBe('online');
    w.clock.advance(2000);
    tick();
    await eventually(async () => heard(liu, 'u_zhang_wei') === 'offline', 5000, 'offline');
    expect(w.server.services.presence.tracker.view('u_zhang_wei').lastSeenAt).not.toBeNull();
  });

  it('a do-not-disturb schedule starts and ends on the clock and keeps toasts quiet meanwhile', async () => {
    const liu = await w.desktop('liu.yang');
    const zhang = await w.desktop('zhang.wei');
    await liu.core.handlers['presence.watch']({ userIds: ['u_zhang_wei'] });
    expect(
      await zhang.core.handlers['presence.set']({
        manual: 'auto',
        manualUntil: null,
        statusText: '午休',
        schedule: { from: '12:00', to: '13:30', days: [1, 2, 3, 4, 5] },
      }),
    ).toMatchObject({ status: 'done' });
    await zhang.core.handlers['presence.watch']({ userIds: ['u_zhang_wei'] });
    w.clock.set(Date.parse('2026-11-23T12:05:00+08:00'));
    tick();
    await eventually(async () => heard(liu, 'u_zhang_wei') === 'dnd', 5000, 'dnd by schedule');
    const view = liu.presence
      .flatMap((p) => p.presences)
      .filter((p) => p.userId === 'u_zhang_wei')
      .at(-1)!;
    expect(view).toMatchObject({ statusText: '午休', until: Date.parse('2026-11-23T13:30:00+08:00') });
    // zhang's own device heard it too: chat toasts are held.
    await eventually(async () => (await zhang.core.handlers['presence.mine']({})).presence?.state === 'dnd', 5000, 'own dnd');
    const created = await liu.core.handlers['chat.create']({ kind: 'direct', title: null, memberIds: ['u_zhang_wei'] });
    const id = created.status === 'done' ? created.conversationId! : '';
    await liu.core.handlers['chat.send']({ conversationId: id, text: '在吗？', mentions: [], replyToId: null, attachments: [] });
    await eventually(
      async () => (await zhang.core.handlers['chat.list']({})).some((c) => c.unread === 1),
      5000,
      'message arrived',
    );
    expect(zhang.toasts.filter((t) => t.kind === 'chat.message')).toEqual([]);

    w.clock.set(Date.parse('2026-11-23T13:31:00+08:00'));
    tick();
    await eventually(async () => heard(liu, 'u_zhang_wei') === 'online', 5000, 'online after the window');
  });

  it('out of office shows the return date and the proxy on the leaders strip; leaders’ online minutes for admins', async () => {
    const wang = await w.desktop('wang.fang');
    const zhang = await w.desktop('zhang.wei');
    const strip = async () => (await zhang.core.handlers['presence.leaders']({})) ?? [];
    expect((await strip()).map((l) => [l.name, l.relation])).toContainEqual(['王芳', 'manager']);
    // Her changes reach this PC live: zhang's socket follows her as wang's own does (also when the connect-time fetch was refused).
    await eventually(
      async () => w.server.services.presence.watchers.watchersOf('u_wang_fang').size === 2,
      5000,
      'zhang follows wang',
    );
    w.clock.advance(30 * 60_000);
    tick();
    // She was in a meeting with words of her own; out of office replaces both, the moment it is saved.
    const meeting = { manual: 'meeting', manualUntil: null, statusText: 'Budget review', schedule: null } as const;
    expect(await wang.core.handlers['presence.set'](meeting)).toMatchObject({ status: 'done' });
    await eventually(
      async () => (await strip()).find((l) => l.id === 'u_wang_fang')?.presence.statusText === 'Budget review',
      5000,
      'the strip shows her meeting',
    );
    const until = w.clock.now() + 2 * 24 * 3600_000;
    expect(
      await wang.core.handlers['approvals.setOutOfOffice']({ from: w.clock.now(), until, proxyId: 'u_gao_jian', note: '出差' }),
    ).toMatchObject({ status: 'done' });
    await eventually(
      async () => (await strip()).find((l) => l.id === 'u_wang_fang')?.presence.state === 'ooo',
      5000,
      'the strip shows her away',
    );
    expect((await strip()).find((l) => l.id === 'u_wang_fang')?.presence).toMatchObject({
      state: 'ooo',
      until,
      proxy: { id: 'u_gao_jian', name: '高健' },
      statusText: '出差',
    });
    // Ending it early gives her meeting back at once, without waiting for a tick.
    expect(await wang.core.handlers['approvals.clearOutOfOffice']({})).toMatchObject({ status: 'done' });
    await eventually(
      async () => (await strip()).find((l) => l.id === 'u_wang_fang')?.presence.state === 'meeting',
      2000,
      'the strip shows her back in her meeting',
    );
    expect((await strip()).find((l) => l.id === 'u_wang_fang')?.presence.statusText).toBe('Budget review');
    const report = await w.http('GET', '/api/admin/presence/leaders?from=2026-11-23&to=2026-11-23', 'huang.min');
    expect(report.status).toBe(200);
    const leaders = report.body['leaders'] as { id: string; totalMinutes: number }[];
    expect(leaders.find((l) => l.id === 'u_wang_fang')?.totalMinutes).toBe(30);
    expect(leaders.find((l) => l.id === 'u_zhang_wei')).toBeUndefined(); // not a leader
    expect((await w.http('GET', '/api/admin/presence/leaders?from=2026-11-23&to=2026-11-23', 'zhang.wei')).status).toBe(403);
    expect((await w.http('GET', '/api/admin/presence/leaders?from=2026-11-24&to=2026-11-23', 'huang.min')).status).toBe(400);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { type AttendanceWorld, at, attendanceWorld } from './attendance-world.ts';
import { eventually } from './chat-world.ts';
import { signedInDesktop } from './desktop-client.ts';

describe('a shortcut never clocks out early unasked', () => {
  let w: AttendanceWorld;
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await w.close();
  });

  const desktop = (username: string) => signedInDesktop(w.server.url, w.clock, username, cleanups);

  it('asks before a clock-out ten hours early, clocks out when the answer is yes, and not before', async () => {
    w = await attendanceWorld(at('2026-11-23T08:50'));
    const { core, toasts } = await desktop('gao.jian');
    expect(await core.handlers['attendance.clockNext']({})).toMatchObject({ status: 'done', clock: { verdict: 'on_time' } });
    await eventually(async () => (await core.handlers['home.get']({})).today?.firstIn != null, 5000, 'clocked in');

    // The same keystroke a second later: a question, not a clock-out.
    w.clock.set(at('2026-11-23T08:51'));
    const second = await core.handlers['attendance.clockNext']({});
    expect(second).toMatchObject({ status: 'failed', code: 'early_clock_out' });
    const question = toasts.at(-1)!;
    expect(question).toMatchObject({ kind: 'attendance.clockOut', actions: [{ id: 'clockOut', label: 'Clock out now' }] });
    expect(question.title).toMatch(/^Clock out before 06:00\sPM\?$/);
    expect(question.body).toMatch(/9 h 9 min from now/);
    expect(w.day('gao.jian', '2026-11-23').lastOut).toBeNull();

    // The toast's button is the answer: an explicit clock-out goes through.
    expect(await core.handlers['attendance.clock']({ kind: 'out' })).toMatchObject({ status: 'done' });
    expect(w.day('gao.jian', '2026-11-23').lastOut).toBe(at('2026-11-23T08:51'));
  });

  it('clocks out at once at the end of the day', async () => {
    w = await attendanceWorld(at('2026-11-23T08:50'));
    const { core } = await desktop('zhang.wei');
    await core.handlers['attendance.clockNext']({});
    await eventually(async () => (await core.handlers['home.get']({})).today?.firstIn != null, 5000, 'clocked in');
    w.clock.set(at('2026-11-23T18:02'));
    expect(await core.handlers['attendance.clockNext']({})).toMatchObject({ status: 'done', clock: { verdict: 'done' } });
    expect(w.day('zhang.wei', '2026-11-23').lastOut).toBe(at('2026-11-23T18:02'));
  });
});

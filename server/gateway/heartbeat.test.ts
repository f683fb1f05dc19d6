import { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { type Beating, beatAll } from './heartbeat.ts';

const socket = (alive: boolean, readyState: number = WebSocket.OPEN) => {
  const calls: string[] = [];
  const connection: Beating = {
    alive,
    ws: { readyState, ping: () => void calls.push('ping'), terminate: () => void calls.push('terminate') } as Beating['ws'],
  };
  return { connection, calls };
};

describe('the heartbeat', () => {
  it('pings the sockets that answered, cuts those that did not, and leaves closing ones alone', async () => {
    const answered = socket(true);
    const silent = socket(false);
    const closing = socket(true, WebSocket.CLOSING);
    await beatAll([answered.connection, silent.connection, closing.connection]);
    expect(answered.calls).toEqual(['ping']);
    expect(answered.connection.alive).toBe(false);
    expect(silent.calls).toEqual(['terminate']);
    expect(closing.calls).toEqual([]);
  });

  it('goes a chunk at a time with the loop free in between, and reaches every socket once', async () => {
    const sockets = Array.from({ length: 2_050 }, () => socket(true));
    const pingedWhenOtherWorkRan: number[] = [];
    const pinged = () => sockets.filter((s) => s.calls.length > 0).length;
    // Other work (a clock-in, say) queued while the beat runs gets its turn between chunks.
    const other = () =>
      setImmediate(() => {
        pingedWhenOtherWorkRan.push(pinged());
        if (pingedWhenOtherWorkRan.length < 4) other();
      });
    other();
    await beatAll(
      sockets.map((s) => s.connection),
      500,
    );
    expect(pingedWhenOtherWorkRan[0]).toBe(500);
    expect(pingedWhenOtherWorkRan.every((n) => n % 500 === 0 && n < 2_050)).toBe(true);
    expect(sockets.every((s) => s.calls.length === 1)).toBe(true);
  });
});

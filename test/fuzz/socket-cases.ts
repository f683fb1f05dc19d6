import { randomUUID } from 'node:crypto';
import { methodNames } from '../../shared/protocol/methods.ts';
import { MAX_FRAME_BYTES } from '../../shared/protocol/frames.ts';
import type { Random } from './random.ts';

/** What a frame may lead to: an answer (a response, error, resumed or resync frame), silence (acks), or a close with one of these codes. */
export interface SocketCase {
  kind: string;
  data: string | Buffer;
  binary: boolean;
  /** The id a response must carry, when the frame is a request with a usable id. */
  answerId: string | null;
  expect: 'answer' | 'silence' | { close: number };
}

const weirdValues = (rng: Random): unknown =>
  rng.pick<() => unknown>([
    () => null,
    () => -1,
    () => 2 ** 53 + 1,
    () => 1e308,
    () => -1e308,
    () => 0.5,
    () => '',
    () => 'x'.repeat(rng.int(1, 5000)),
    () => '\u202e\u0000\ud800',
    () => [],
    () => ({}),
    () => true,
    () => nest(rng.int(10, 3000)),
    () => ({ __proto__: { admin: true } }),
    () => Object.fromEntries(Array.from({ length: rng.int(1, 200) }, (_, i) => [`k${i}`, i])),
  ])();

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** One generated frame, with what the server must do with it. */
export function socketCase(rng: Random, epoch: string, head: number): SocketCase {
  const id = `f${rng.int(0, 1e9)}`;
  const request = (method: string, params: unknown, extra: Record<string, unknown> = {}): SocketCase => ({
    kind: 'request',
    data: JSON.stringify({ type: 'request', id, method, params, ...extra }),
    binary: false,
    answerId: id,
    expect: 'answer',
  });
  const kind = rng.pick([
    'random-method',
    'known-method-bad-params',
    'known-method-weird-envelope',
    'resume',
    'ack',
    'reauth',
    'not-json',
    'wrong-type',
    'binary',
    'invalid-utf8',
    'oversized',
  ] as const);
  switch (kind) {
    case 'random-method':
      return { ...request(rng.string(rng.int(1, 64), 'abcdefghijklmnopqrstuvwxyz._$'), weirdValues(rng)), kind };
    case 'known-method-bad-params': {
      const method = rng.pick(methodNames);
      const params = rng.chance(0.5)
        ? weirdValues(rng)
        : Object.fromEntries(Array.from({ length: rng.int(1, 5) }, () => [rng.string(rng.int(1, 12)), weirdValues(rng)]));
      // Reads only: a mutating method with random params is refused by validation or the journal, never applied twice.
      return { ...request(method, params, rng.chance(0.7) ? { actionId: randomUUID() } : {}), kind };
    }
    case 'known-method-weird-envelope':
      return {
        kind,
        data: JSON.stringify({
          type: 'request',
          id: rng.pick([id, '', 'x'.repeat(65), 7, null]),
          method: rng.pick([...methodNames, '', 'x'.repeat(65), 12]),
          params: weirdValues(rng),
          actionId: rng.pick([undefined, 'not-a-uuid', randomUUID(), 5]),
          sentAt: rng.pick([undefined, -1, 1e300, 'now', Date.now()]),
        }),
        binary: false,
        answerId: null,
        expect: 'answer',
      };
    case 'resume':
      return {
        kind,
        data: JSON.stringify({
          type: 'resume',
          since: rng.pick([-1, 0, head, head + 1, 2 ** 53, 1e308, 0.5, Math.max(0, head - 1)]),
          epoch: rng.pick([epoch, epoch, 'foreign-epoch', null, '', 'x'.repeat(100)]),
        }),
        binary: false,
        answerId: null,
        expect: 'answer',
      };
    case 'ack': {
      // A well-formed ack is silent; a malformed one is answered with an error.
      const seq = rng.pick<unknown>([0, head, head + 1000, -1, 1e308, 'x']);
      const wellFormed = typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0;
      return {
        kind,
        data: JSON.stringify({ type: 'ack', seq }),
        binary: false,
        answerId: null,
        expect: wellFormed ? 'silence' : 'answer',
      };
    }
    case 'reauth':
      return {
        kind,
        data: JSON.stringify({ type: 'reauth', accessToken: rng.pick(['', 'x', 'e30.e30.x', 'x'.repeat(5000)]) }),
        binary: false,
        answerId: null,
        expect: 'answer',
      };
    case 'not-json':
      return {
        kind,
        data: rng.pick(['{', 'null', '[]', '"x"', '{"type":', '\u0000', 'NaN']),
        binary: false,
        answerId: null,
        expect: 'answer',
      };
    case 'wrong-type':
      return {
        kind,
        data: JSON.stringify({ type: rng.pick(['hello', 'event', 'response', 'RESUME', '', 7, null]), since: 0 }),
        binary: false,
        answerId: null,
        expect: 'answer',
      };
    case 'binary':
      return { kind, data: Buffer.from([1, 2, 3, 0xff]), binary: true, answerId: null, expect: 'answer' };
    case 'invalid-utf8':
      return {
        kind,
        data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        binary: false,
        answerId: null,
        expect: { close: 1007 },
      };
    case 'oversized':
      return {
        kind,
        data: 'x'.repeat(MAX_FRAME_BYTES + rng.int(1, 1000)),
        binary: false,
        answerId: null,
        expect: { close: 1009 },
      };
  }
}

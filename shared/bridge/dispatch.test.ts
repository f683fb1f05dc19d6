import { describe, expect, it, vi } from 'vitest';
import type { BridgeHandlers } from './contract.ts';
import { dispatchBridgeCall } from './dispatch.ts';

const handlers = new Proxy({} as BridgeHandlers, {
  get: () => vi.fn(async (params: unknown) => ({ echoed: params })),
});

describe('bridge dispatch', () => {
  it('refuses calls outside the contract', async () => {
    await expect(dispatchBridgeCall(handlers, 'fs.readFile', {})).rejects.toMatchObject({ code: 'unknown_call' });
    await expect(dispatchBridgeCall(handlers, '__proto__', {})).rejects.toMatchObject({ code: 'unknown_call' });
  });

  it('refuses params that do not match the schema, before any handler runs', async () => {
    await expect(dispatchBridgeCall(handlers, 'attendance.clock', { kind: 'sideways' })).rejects.toMatchObject({
      code: 'invalid_params',
    });
    await expect(dispatchBridgeCall(handlers, 'session.get', { extra: true })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(dispatchBridgeCall(handlers, 'notices.markRead', { noticeId: '../../etc' })).rejects.toMatchObject({
      code: 'invalid_params',
    });
  });

  it('passes parsed params to the handler', async () => {
    await expect(dispatchBridgeCall(handlers, 'attendance.clock', { kind: 'in' })).resolves.toEqual({ echoed: { kind: 'in' } });
  });
});

import { z } from 'zod';
import { type BridgeCallName, type BridgeHandlers, bridgeCalls, isBridgeCallName } from './contract.ts';

/** The envelope both transports (Electron IPC, browser-host socket) carry. */
export const BridgeRequest = z.object({
  id: z.number().int(),
  method: z.string().max(64),
  params: z.unknown(),
});
export const BridgeReply = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export const BridgeEventMessage = z.object({
  event: z.string().max(64),
  payload: z.unknown(),
});
export type BridgeReply = z.infer<typeof BridgeReply>;

export class BridgeCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Validates a call arriving from the renderer and runs its handler. Used by both transports so
 * the checks cannot differ between Electron and the browser host.
 */
export async function dispatchBridgeCall(handlers: BridgeHandlers, method: unknown, params: unknown): Promise<unknown> {
  if (!isBridgeCallName(method)) throw new BridgeCallError('unknown_call', `unknown bridge call ${String(method)}`);
  const spec = bridgeCalls[method];
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) {
    throw new BridgeCallError('invalid_params', `${method}: ${z.prettifyError(parsed.error)}`);
  }
  const handler = handlers[method] as (p: unknown) => Promise<unknown>;
  return handler(parsed.data);
}

export type { BridgeCallName };

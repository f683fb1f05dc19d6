import type { WireError } from '../../../shared/protocol/errors.ts';
import type { ResponseFrame } from '../../../shared/protocol/frames.ts';

export class RequestError extends Error {
  readonly code: WireError['code'] | 'disconnected' | 'timeout';
  /** The server's whole refusal (details, field issues) when it came from the server. */
  readonly wire: WireError | undefined;
  constructor(code: RequestError['code'], message: string, wire?: WireError) {
    super(message);
    this.code = code;
    this.wire = wire;
  }
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: RequestError) => void;
  timer: NodeJS.Timeout;
}

/**
 * Requests sent on the socket and waiting for their `response` frame: each is answered once,
 * by the server, by its timeout, or by the connection closing, whichever comes first.
 */
export class PendingRequests {
  private seq = 0;
  private readonly waiting = new Map<string, Pending>();

  /** Registers a request, hands its id to `send`, and resolves with the server's result. */
  start(label: string, timeoutMs: number, send: (id: string) => void): Promise<unknown> {
    const id = `r${++this.seq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new RequestError('timeout', `${label} got no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      send(id);
    });
  }

  settle(frame: ResponseFrame): void {
    const pending = this.waiting.get(frame.id);
    if (!pending) return;
    this.waiting.delete(frame.id);
    clearTimeout(pending.timer);
    if (frame.ok) pending.resolve(frame.result);
    else pending.reject(new RequestError(frame.error.code, frame.error.message, frame.error));
  }

  rejectAll(message: string): void {
    for (const [id, pending] of this.waiting) {
      clearTimeout(pending.timer);
      pending.reject(new RequestError('disconnected', message));
      this.waiting.delete(id);
    }
  }
}

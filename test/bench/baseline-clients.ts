import { type Socket, io } from 'socket.io-client';
import WebSocket from 'ws';
import { wallNow } from './portico-client.ts';
import type { WorkerReport } from './worker-protocol.ts';

type Connection = { kind: 'ws'; ws: WebSocket } | { kind: 'socketio'; socket: Socket };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Clients of the baseline servers. They do what a Portico client does with a notice frame (parse
 * the JSON, look at one field) so the three servers are compared on the same client work.
 */
export class BaselineClients {
  private readonly connections: Connection[] = [];
  private readonly watches = new Map<string, number[]>();
  private readonly workerIndex: number;

  constructor(workerIndex: number) {
    this.workerIndex = workerIndex;
  }

  async connect(kind: 'ws' | 'socketio', url: string, count: number, ratePerSec: number): Promise<Partial<WorkerReport>> {
    const samples: number[] = [];
    const errorKinds: Record<string, number> = {};
    const started = wallNow();
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        await sleep(Math.max(0, started + (i * 1000) / ratePerSec - wallNow()));
        const localAddress = `127.${100 + this.workerIndex}.${Math.floor(i / 250)}.${1 + (i % 250)}`;
        const t0 = wallNow();
        try {
          this.connections.push(
            kind === 'ws' ? await this.openWs(url, localAddress) : await this.openSocketIo(url, localAddress),
          );
          samples.push(wallNow() - t0);
        } catch (error) {
          const key = String(error instanceof Error ? error.message : error).slice(0, 60);
          errorKinds[key] = (errorKinds[key] ?? 0) + 1;
        }
      }),
    );
    return { samples, errors: count - samples.length, errorKinds, count: this.connections.length };
  }

  watch(marker: string): void {
    this.watches.set(marker, []);
  }

  async collect(marker: string, timeoutMs: number): Promise<Partial<WorkerReport>> {
    const arrivals = this.watches.get(marker) ?? [];
    const deadline = Date.now() + timeoutMs;
    while (arrivals.length < this.connections.length && Date.now() < deadline) await sleep(20);
    this.watches.delete(marker);
    return { arrivals, count: this.connections.length, lost: this.connections.length - arrivals.length };
  }

  async close(): Promise<void> {
    for (const c of this.connections.splice(0)) {
      if (c.kind === 'ws') c.ws.terminate();
      else c.socket.disconnect();
    }
    await sleep(100);
  }

  private onText(text: string): void {
    const at = wallNow();
    let frame: { marker?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    if (typeof frame.marker === 'string') this.watches.get(frame.marker)?.push(at);
  }

  private openWs(url: string, localAddress: string): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
      ws.on('message', (data) => this.onText(data.toString()));
      ws.once('open', () => resolve({ kind: 'ws', ws }));
      ws.once('error', reject);
    });
  }

  private openSocketIo(url: string, localAddress: string): Promise<Connection> {
    return new Promise((resolve, reject) => {
      // WebSocket only, as a team tuning Socket.IO for 10,000 desktops would configure it (no long-polling).
      const socket = io(url, { transports: ['websocket'], reconnection: false, localAddress, perMessageDeflate: false } as never);
      socket.on('notice', (text: unknown) => this.onText(String(text)));
      socket.once('connect', () => resolve({ kind: 'socketio', socket }));
      socket.once('connect_error', reject);
    });
  }
}

import WebSocket from 'ws';

/**
 * Whether the open socket's path still carries packets: a ping every `heartbeatMs`, and the
 * socket terminated when neither a pong nor any frame arrives within the timeout (sleep, a VPN
 * switch, a pulled cable: TCP itself may not notice for minutes).
 */
export class Liveness {
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;

  private readonly heartbeatMs: number;
  private readonly pongTimeoutMs: number;

  constructor(heartbeatMs: number, pongTimeoutMs: number) {
    this.heartbeatMs = heartbeatMs;
    this.pongTimeoutMs = pongTimeoutMs;
  }

  start(ws: WebSocket): void {
    this.stop();
    this.heartbeatTimer = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) this.ping(ws, this.pongTimeoutMs);
    }, this.heartbeatMs);
    ws.on('pong', () => this.alive());
  }

  /** Asks now; `timeoutMs` shorter than the heartbeat's when something suggests the path changed. */
  ping(ws: WebSocket, timeoutMs: number): void {
    ws.ping();
    clearTimeout(this.pongTimer);
    this.pongTimer = setTimeout(() => ws.terminate(), timeoutMs);
  }

  /** Anything from the server proves the path alive. */
  alive(): void {
    clearTimeout(this.pongTimer);
  }

  stop(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.pongTimer);
  }
}

import { connect } from 'node:net';

/** A piece of a raw request: bytes to write, or a pause (a slow client). */
export type RawPiece = Buffer | { pauseMs: number };

export interface RawOutcome {
  /** The status of the first response line, or null when none came. */
  status: number | null;
  /** The server closed the connection (after answering or without a word). */
  closed: boolean;
  /** Neither an answer nor a close within the time allowed. */
  timedOut: boolean;
}

/**
 * Writes a request byte by byte as given (no client library to tidy it up), then half-closes when
 * asked and waits for the server's answer or its close.
 */
export function sendRaw(
  port: number,
  pieces: readonly RawPiece[],
  options: { endAfter?: boolean; timeoutMs?: number } = {},
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let received = '';
    let done = false;
    const finish = (outcome: Omit<RawOutcome, 'status'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolve({ status: match ? Number(match[1]) : null, ...outcome });
    };
    const timer = setTimeout(() => finish({ closed: false, timedOut: true }), options.timeoutMs ?? 10_000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      // One answer is all a case needs: a response with its head complete ends the case.
      if (/^HTTP\/1\.[01] \d{3}[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n/.test(received)) finish({ closed: false, timedOut: false });
    });
    socket.on('error', () => finish({ closed: true, timedOut: false }));
    socket.on('close', () => finish({ closed: true, timedOut: false }));
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (done) return;
        if (Buffer.isBuffer(piece)) socket.write(piece);
        else await new Promise((r) => setTimeout(r, piece.pauseMs));
      }
      if (options.endAfter && !done) socket.end();
    });
  });
}

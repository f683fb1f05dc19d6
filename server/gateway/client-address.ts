import type { IncomingMessage } from 'node:http';

/**
 * The one answer to "who is asking", for every limiter, rule and log line. Behind a trusted reverse
 * proxy it is the last address the proxy appended to X-Forwarded-For (earlier entries are whatever
 * the client claimed); otherwise the socket's peer, and the header changes nothing.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  // (A response whose connection is gone has no socket any more, whatever the type says.)
  const peer = (req.socket as IncomingMessage['socket'] | null)?.remoteAddress ?? 'unknown';
  if (!trustProxy) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
  return last || peer;
}

/** Loopback peers: 127.0.0.0/8, ::1 and IPv4 on a dual-stack socket. */
export function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import WebSocket from 'ws';
import type { ConnectionCheckView, ConnectionStep } from '../../../shared/bridge/views.ts';
import { VersionInfo } from '../../../shared/protocol/http-api.ts';
import { normalizeServerUrl } from '../session/server-address.ts';
import type { NetworkAccess } from './network-access.ts';

type StepResult = ConnectionCheckView['steps'][number];
type Outcome = Omit<StepResult, 'step' | 'ms'>;

class StepFailed extends Error {}

function codeOf(error: unknown): string {
  const seen = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = seen?.code ?? seen?.cause?.code;
  return typeof code === 'string' ? code.slice(0, 100) : 'error';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'timeout' })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function tcpConnect(host: string, port: number, ms: number): Promise<net.Socket> {
  const socket = net.connect({ host, port });
  return withTimeout(
    new Promise<net.Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('error', reject);
    }),
    ms,
  ).catch((error: unknown) => {
    socket.destroy();
    throw error;
  });
}

/** Asks the proxy for a tunnel; its status line is the answer (200, or 403/407/502 and the like). */
function connectThrough(socket: net.Socket, host: string, port: number, ms: number): Promise<number> {
  const authority = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
  return withTimeout(
    new Promise<number>((resolve, reject) => {
      let head = '';
      const onData = (chunk: Buffer) => {
        head += chunk.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        socket.off('data', onData);
        resolve(Number(/^HTTP\/\d\.\d (\d{3})/.exec(head)?.[1] ?? 0));
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.once('end', () => reject(Object.assign(new Error('proxy closed'), { code: 'ECONNRESET' })));
    }),
    ms,
  );
}

function issuerOf(certificate: tls.PeerCertificate): string | undefined {
  const issuer = certificate.issuer as Partial<Record<string, string | string[]>> | undefined;
  const name = issuer?.CN ?? issuer?.O;
  return name === undefined ? undefined : String(name).slice(0, 300);
}

/**
 * The connection self-test of the sign-in screen: takes the steps a connection takes (address,
 * name lookup, proxy, TCP, TLS, HTTP, WebSocket upgrade) through the same trust and proxy
 * decisions as the app's own clients, and stops at the first that fails, saying why. The last two
 * steps use the app's real clients, so a pass here means sign-in can reach the server.
 */
export async function checkConnection(input: string, access: NetworkAccess, stepMs = 5_000): Promise<ConnectionCheckView> {
  const steps: StepResult[] = [];
  const run = async <T>(
    step: ConnectionStep,
    work: () => Promise<{ value: T; outcome?: Outcome }>,
    target?: string,
  ): Promise<T> => {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const { value, outcome } = await work();
      steps.push({ step, ms: ms(), ...(outcome ?? { ok: true }) });
      if (outcome && !outcome.ok) throw new StepFailed();
      return value;
    } catch (error) {
      if (!(error instanceof StepFailed))
        steps.push({ step, ok: false, ms: ms(), ...(target ? { target } : {}), reason: codeOf(error) });
      throw new StepFailed();
    }
  };
  const report = (): ConnectionCheckView => ({
    serverUrl: input,
    steps,
    failedStep: steps.find((s) => !s.ok)?.step ?? null,
  });

  const address = normalizeServerUrl(input);
  if (!address) {
    steps.push({ step: 'address', ok: false, ms: 0, reason: 'invalid' });
    return report();
  }
  const url = new URL(address.httpUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  let socket: net.Socket | tls.TLSSocket | null = null;
  try {
    await run('address', async () => ({ value: null, outcome: { ok: true, target: `${host}:${port}` } }));
    const route = await access.route(address.httpUrl);
    const server = `${host}:${port}`;
    if (route.kind === 'proxy') {
      // Through a proxy, reaching the proxy is the proxy step; the proxy's CONNECT answer then says
      // whether the server answered (a 5xx means the proxy could not reach it: the TCP step).
      const proxyTarget = `${route.host}:${route.port}`;
      const { tunnel, status } = await run(
        'proxy',
        async () => {
          if (!net.isIP(route.host)) await withTimeout(lookup(route.host), stepMs);
          const tcp = await tcpConnect(route.host, route.port, stepMs);
          socket = tcp;
          const answer = await connectThrough(tcp, host, port, stepMs);
          // tinyproxy answers 500 when the server does not answer it, squid 503, others 502 or 504.
          const reached = answer === 200 || (answer >= 500 && answer <= 504);
          return {
            value: { tunnel: tcp, status: answer },
            outcome: reached
              ? { ok: true, target: proxyTarget }
              : { ok: false, target: proxyTarget, reason: 'status', status: answer },
          };
        },
        proxyTarget,
      );
      await run('tcp', async () => ({
        value: null,
        outcome: status === 200 ? { ok: true, target: server } : { ok: false, target: server, reason: 'status', status },
      }));
      socket = tunnel;
    } else {
      if (!net.isIP(host)) {
        await run(
          'dns',
          async () => {
            await withTimeout(lookup(host), stepMs);
            return { value: null, outcome: { ok: true, target: host } };
          },
          host,
        );
      }
      socket = await run(
        'tcp',
        async () => ({ value: await tcpConnect(host, port, stepMs), outcome: { ok: true, target: server } }),
        server,
      );
    }
    const tcp: net.Socket = socket;
    if (secure) {
      await run(
        'tls',
        async () => {
          const secured = tls.connect({
            socket: tcp,
            servername: net.isIP(host) ? undefined : host,
            host,
            ca: access.ca,
            rejectUnauthorized: false,
          });
          socket = secured;
          await withTimeout(
            new Promise<void>((resolve, reject) => {
              secured.once('secureConnect', resolve);
              secured.once('error', reject);
            }),
            stepMs,
          );
          const issuer = issuerOf(secured.getPeerCertificate());
          const outcome: Outcome = secured.authorized
            ? { ok: true, target: server, ...(issuer ? { issuer } : {}) }
            : {
                ok: false,
                target: server,
                reason: String(secured.authorizationError ?? 'untrusted'),
                ...(issuer ? { issuer } : {}),
              };
          return { value: null, outcome };
        },
        server,
      );
    }
    socket.destroy();
    socket = null;
    await run('http', async () => {
      const res = await access.fetch(`${address.httpUrl}/api/version`, { signal: AbortSignal.timeout(stepMs) });
      if (res.status !== 200) return { value: null, outcome: { ok: false, reason: 'status', status: res.status } };
      const version = VersionInfo.safeParse(await res.json().catch(() => null));
      return { value: null, outcome: version.success ? { ok: true } : { ok: false, reason: 'not_portico' } };
    });
    await run('websocket', async () => {
      const status = await upgradeWithoutToken(address.wsUrl, access, stepMs);
      // The server's "send the access token" answer proves the upgrade reached the Portico endpoint.
      return { value: null, outcome: status === 401 || status === 101 ? { ok: true } : { ok: false, reason: 'status', status } };
    });
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
  } finally {
    (socket as net.Socket | null)?.destroy();
  }
  return report();
}

async function upgradeWithoutToken(wsUrl: string, access: NetworkAccess, ms: number): Promise<number> {
  const route = await access.socketRoute(wsUrl);
  const ws = new WebSocket(wsUrl, { ca: route.ca, agent: route.agent, handshakeTimeout: ms, perMessageDeflate: false });
  return new Promise<number>((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.terminate();
    });
    // After a settled answer, terminating may report once more: it is not a second answer.
    ws.on('error', reject);
  });
}

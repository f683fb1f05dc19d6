import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface RunningProxy {
  port: number;
  /** The CONNECT targets the proxy logged ("127.0.0.1:43121"), in order. */
  tunnels(): string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Debian's tinyproxy as a company's forward proxy, on a free loopback port, with its config and
 * log in `dir`. Only loopback may use it; CONNECT is allowed to any port (no ConnectPort lines).
 */
export async function startTinyproxy(dir: string): Promise<RunningProxy> {
  const port = await freePort();
  const logFile = path.join(dir, 'tinyproxy.log');
  const config = path.join(dir, 'tinyproxy.conf');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      'Allow 127.0.0.1',
      `LogFile "${logFile}"`,
      'LogLevel Connect',
      'MaxClients 50',
    ].join('\n') + '\n',
  );
  const child: ChildProcess = spawn('/usr/bin/tinyproxy', ['-d', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`tinyproxy did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    tunnels: () =>
      existsSync(logFile) ? [...readFileSync(logFile, 'utf8').matchAll(/CONNECT ([^\s]+) HTTP/g)].map((m) => m[1]!) : [],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

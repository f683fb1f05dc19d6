import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The real server as its own process (`node server/main.ts`), resolved once it prints its ready line. */
export function spawnServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
  extraArgs: string[] = ['--demo'],
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return spawnReady(
    ['server/main.ts', '--port', String(port), '--data', dataDir, '--log-level', 'warn', ...extraArgs],
    /PORTICO_SERVER_READY (\S+)/,
    env,
  );
}

/** `node <args>` from the repository root, resolved with the first group of `ready` once the process prints it. */
export function spawnReady(
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ready line within 30 s:\n${output}`)), 30_000);
    let isReady = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      // Once ready, only the tail is kept: a server logs a line per request.
      output = isReady ? (output + chunk.toString()).slice(-20_000) : output + chunk.toString();
      if (isReady) return;
      const match = ready.exec(output);
      if (match) {
        isReady = true;
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/**
 * A Wine prefix of the test's own (a fresh C: drive and registry in a temporary folder), for
 * running the real msiexec and reg.exe headless. Wine's prompts to install Mono and Gecko are
 * switched off; its server is kept running between commands (each command is ~0.1 s instead of
 * ~2.5 s) and stopped by dispose().
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RegCommand } from '../../electron/core/policy/registry-policy.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface WinePrefix {
  dir: string;
  /** C:\ of the prefix, as a Linux path. */
  driveC: string;
  run(args: readonly string[], timeoutMs?: number): Promise<CommandResult>;
  /** Wine's reg.exe, for the policy reader's injectable command. */
  reg: RegCommand;
  /** A Linux path as Wine's programs see it (Z: is the Linux root). */
  windowsPath(file: string): string;
  dispose(): Promise<void>;
}

function execute(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    const finish = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    };
    // A Wine program's helpers (wineserver, winedevice) may keep its output pipes open after it
    // exits: its output is read until the pipes close or one second after the exit.
    child.on('close', finish);
    child.on('exit', (code) => setTimeout(() => finish(code), 1000).unref());
  });
}

export async function createWinePrefix(): Promise<WinePrefix> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-wine-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    USER: process.env.USER ?? 'root',
    WINEPREFIX: dir,
    WINEARCH: 'win64',
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree=;mshtml=',
    LANG: 'C.UTF-8',
  };
  // The prefix's server first, persistent until dispose(), with no pipes of ours to hold open.
  spawn('wineserver', ['-p'], { env, stdio: 'ignore', detached: true }).unref();
  const boot = await execute('wineboot', ['-i'], env, 180_000);
  if (boot.code !== 0) throw new Error(`wineboot failed (${boot.code}): ${boot.stderr.slice(-500)}`);
  const run = (args: readonly string[], timeoutMs = 120_000) => execute('wine', args, env, timeoutMs);
  return {
    dir,
    driveC: path.join(dir, 'drive_c'),
    run,
    reg: async (args) => (await run(['reg.exe', ...args])).code,
    windowsPath: (file) => `Z:${path.resolve(file).replaceAll('/', '\\')}`,
    async dispose() {
      await execute('wineserver', ['-k'], env, 30_000).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

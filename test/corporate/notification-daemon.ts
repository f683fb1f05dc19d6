import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export interface Received {
  app: string;
  summary: string;
  body: string;
  urgency: string;
}

export interface NotificationDaemon {
  /** The private session bus: notify-send (and so node-notifier) reaches the daemon through it. */
  busAddress: string;
  /** Every notification the daemon has received, in order. */
  received(): Received[];
  stop(): Promise<void>;
}

const run = promisify(execFile);

function started(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * A real desktop's notification daemon for one test: Xvfb on a free display, a private D-Bus
 * session bus, and dunst on both, with a rule that writes every notification it receives to a
 * file (dunst's scripting: DUNST_APP_NAME, DUNST_SUMMARY, DUNST_BODY, DUNST_URGENCY).
 */
export async function startNotificationDaemon(dir: string): Promise<NotificationDaemon> {
  let display = 90;
  while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display += 1;
  const xvfb = spawn('Xvfb', [`:${display}`, '-nolisten', 'tcp', '-screen', '0', '1024x768x24'], { stdio: 'ignore' });
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const busAddress = await started(bus, 'dbus-daemon');
  const log = path.join(dir, 'received.log');
  const script = path.join(dir, 'record.sh');
  writeFileSync(log, '');
  writeFileSync(
    script,
    `#!/bin/sh\nprintf '%s\\037%s\\037%s\\037%s\\036' "$DUNST_APP_NAME" "$DUNST_SUMMARY" "$DUNST_BODY" "$DUNST_URGENCY" >> '${log}'\n`,
    { mode: 0o755 },
  );
  const config = path.join(dir, 'dunstrc');
  writeFileSync(
    config,
    `[global]\n    font = Monospace 8\n    markup = no\n\n[record]\n    summary = "*"\n    script = ${script}\n`,
  );
  const env = { ...process.env, DISPLAY: `:${display}`, DBUS_SESSION_BUS_ADDRESS: busAddress };
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i += 1) await new Promise((r) => setTimeout(r, 50));
  const dunst = spawn('dunst', ['-config', config], { env, stdio: 'ignore' });
  // Ready when dunst owns the notification service's name on the bus.
  const owns = async () => {
    const { stdout } = await run(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.Notifications',
      ],
      { env },
    ).catch(() => ({ stdout: '' }));
    return stdout.includes('boolean true');
  };
  for (let i = 0; !(await owns()); i += 1) {
    if (i > 100 || dunst.exitCode !== null) throw new Error('dunst did not take the notification service');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    busAddress,
    received: () =>
      readFileSync(log, 'utf8')
        .split('\u001e')
        .filter(Boolean)
        .map((record) => {
          const [app = '', summary = '', body = '', urgency = ''] = record.split('\u001f');
          return { app, summary, body, urgency };
        }),
    stop: async () => {
      await stopped(dunst);
      await stopped(bus);
      await stopped(xvfb);
    },
  };
}

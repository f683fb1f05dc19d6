/** msiexec under Wine, as IT runs it: silently, with a verbose log, from a shell or as a service. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WinePrefix } from './wine-prefix.ts';

export interface MsiRun {
  code: number;
  log: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const readLog = (file: string) => (existsSync(file) ? readFileSync(file, 'latin1').replaceAll('\0', '') : '');

/** `msiexec <verb> <msi> /qn <properties…> /l*v <log>` from the test, as a login script or a person would. */
export async function msiexec(
  wine: WinePrefix,
  verb: '/i' | '/x',
  msi: string,
  properties: readonly string[] = [],
): Promise<MsiRun> {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'portico-msilog-')), 'msi.log');
  const result = await wine.run(['msiexec', verb, wine.windowsPath(msi), '/qn', ...properties, '/l*v', wine.windowsPath(log)]);
  return { code: result.code, log: readLog(log) };
}

/**
 * The same install started by the service manager, as deployment tools (SCCM, Intune, a GPO
 * software install) run msiexec: no console, no shell, the service's account and environment.
 * The service runs as LocalSystem (its ObjectName); msiexec is no service, so the manager
 * reports it did not answer (1053) while the install runs: the outcome is read from the log.
 */
export async function msiexecAsService(wine: WinePrefix, msi: string, properties: readonly string[]): Promise<MsiRun> {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'portico-msilog-')), 'msi.log');
  const command = [
    'C:\\windows\\system32\\msiexec.exe',
    '/i',
    wine.windowsPath(msi),
    '/qn',
    ...properties,
    '/l*v',
    wine.windowsPath(log),
  ];
  const created = await wine.run(['sc.exe', 'create', 'PorticoDeploy', 'binpath=', command.join(' ')]);
  if (created.code !== 0) throw new Error(`sc create failed: ${created.stdout}${created.stderr}`);
  try {
    // Wine's service manager may not know a service created a moment ago (1060): start again
    // until the install's log appears. Under a loaded machine (CI runs other suites beside this
    // one) both the start and the install can take a minute: the waits are generous, and a
    // failure says what the service manager last answered and how far the log got.
    let lastStart = '';
    const started = Date.now() + 90_000;
    while (!existsSync(log) && Date.now() < started) {
      const answer = await wine.run(['sc.exe', 'start', 'PorticoDeploy']);
      lastStart = `${answer.code} ${answer.stdout}${answer.stderr}`.trim();
      for (let waited = 0; waited < 3000 && !existsSync(log); waited += 250) await sleep(250);
    }
    const deadline = Date.now() + 150_000;
    for (;;) {
      const text = readLog(log);
      const ended = /Action ended [^\n]*: INSTALL\. Return value (\d+)\./.exec(text);
      if (ended) return { code: ended[1] === '1' ? 0 : 1603 & 0xff, log: text };
      if (Date.now() > deadline) {
        const query = await wine.run(['sc.exe', 'query', 'PorticoDeploy']);
        throw new Error(
          `the service's install did not finish (log ${existsSync(log) ? `${text.length} characters` : 'never written'}; ` +
            `last start: ${lastStart || 'none'}; query: ${query.stdout.trim()}): ${text.slice(-500)}`,
        );
      }
      await sleep(250);
    }
  } finally {
    await wine.run(['sc.exe', 'delete', 'PorticoDeploy']);
  }
}

/** A folder the installer resolved, from the log's `Property(S): Name = value` lines, as a Linux path. */
export function loggedFolder(wine: WinePrefix, log: string, property: string): string | null {
  const match = new RegExp(`Property\\(S\\): ${property} = C:\\\\(.*)`).exec(log);
  return match ? path.join(wine.driveC, ...match[1]!.trim().split('\\').filter(Boolean)) : null;
}

/** Whether the log shows the launch conditions refusing the install (Wine logs no message text). */
export const launchConditionsFailed = (log: string) => /Action ended [^\n]*: LaunchConditions\. Return value [^1]/.test(log);

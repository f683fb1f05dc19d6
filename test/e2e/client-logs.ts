import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_LOGS } from './portico-stack.ts';

/** What must never be in a client's log file: tokens (JWTs), the demo password, an unredacted secret field. */
const FORBIDDEN: readonly [string, RegExp][] = [
  ['a JWT', /eyJ[\w-]{6,}\.[\w-]{6,}\./],
  ['the password', /portico-demo/],
  ['a secret field', /"(password|accessToken|refreshToken|token|authorization|ticket)":"(?!\[redacted\])/i],
  ['a bearer token', /Bearer (?!\[redacted\])[\w.~+/=-]{8,}/],
];

function files(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Before the run: no logs of an earlier run count. */
export function clearClientLogs(): void {
  rmSync(CLIENT_LOGS, { recursive: true, force: true });
}

/**
 * After the whole e2e run: every browser host's log files (kept as each stack stopped) are read,
 * and one secret anywhere fails the run. No logs at all fails it too: a check of nothing proves nothing.
 */
export function checkClientLogs(): { files: number; lines: number } {
  const found = files(CLIENT_LOGS).filter((file) => /portico\.log(\.\d+)?$/.test(file));
  if (found.length === 0) throw new Error(`no client log files under ${CLIENT_LOGS}: the hosts wrote none`);
  let lines = 0;
  const problems: string[] = [];
  for (const file of found) {
    const text = readFileSync(file, 'utf8');
    for (const [index, line] of text.split('\n').entries()) {
      if (!line) continue;
      lines += 1;
      for (const [what, pattern] of FORBIDDEN)
        if (pattern.test(line)) problems.push(`${path.relative(CLIENT_LOGS, file)}:${index + 1} holds ${what}`);
    }
  }
  if (lines === 0) throw new Error('the client log files are empty');
  if (problems.length > 0) throw new Error(`secrets in client logs:\n${problems.slice(0, 20).join('\n')}`);
  return { files: found.length, lines };
}

export default function globalTeardown(): void {
  const { files: count, lines } = checkClientLogs();
  console.log(`client logs: ${count} files, ${lines} lines, no token or password`);
}

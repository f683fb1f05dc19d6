/**
 * Whether the launcher may run a program: only when its path is on IT's allow-list (policy
 * `allowedPrograms`). Paths are compared exactly, after one normalisation applied to both sides;
 * anything that could make two different texts name the same file, or one text name a file other
 * than it seems to, is refused instead of being interpreted:
 *
 * - `..` and `.` segments (`C:\Program Files\App\..\..\Windows\System32\cmd.exe`);
 * - on Windows: quotes, wildcards, device paths (`\\?\`, `\\.\`), alternate data streams
 *   (`app.exe:evil`), trailing dots and spaces (Windows drops them: `calc.exe.` runs calc.exe),
 *   short 8.3 names (`PROGRA~1`), and scripts (`.bat`, `.cmd`, `.ps1`, ...), which run through an
 *   interpreter with its own parsing rules;
 * - relative paths, anywhere.
 *
 * Windows compares case-insensitively and takes `/` as `\`; `%ProgramFiles%`-style variables are
 * expanded on both sides, so IT can write the list the way it writes GPOs.
 */
export type ProgramCheck =
  { ok: true; file: string } | { ok: false; code: 'not_allowed' | 'malformed'; reason: string; path: string };

export type Platform = 'win32' | 'darwin' | 'linux' | string;
type Env = Readonly<Record<string, string | undefined>>;

const WINDOWS_PROGRAM = /\.(exe|com)$/i;

/**
 * Case folding as the file systems do it for these names: ASCII only. `toLowerCase` folds the Kelvin
 * sign (U+212A) to "k", so "C:\Program Files\\u212Aingdee\…" matched an allowed path while NTFS
 * opens another file; non-ASCII letters must now match as written.
 */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());

export function checkProgram(raw: string, allowList: readonly string[], platform: Platform, env: Env): ProgramCheck {
  const path = normalizeProgramPath(raw, platform, env);
  if (!path.ok) return { ok: false, code: 'malformed', reason: path.reason, path: raw };
  const allowed = allowList.some((entry) => {
    const normal = normalizeProgramPath(entry, platform, env);
    return normal.ok && normal.key === path.key;
  });
  return allowed
    ? { ok: true, file: path.file }
    : { ok: false, code: 'not_allowed', reason: `${path.file} is not on this PC's list of allowed programs`, path: path.file };
}

type Normalized = { ok: true; file: string; key: string } | { ok: false; reason: string };

export function normalizeProgramPath(raw: string, platform: Platform, env: Env): Normalized {
  const refuse = (reason: string): Normalized => ({ ok: false, reason });
  if ([...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return refuse('control characters');
  if (raw.includes('"') || raw.includes("'")) return refuse('quotes are not part of a path: write it without them');
  return platform === 'win32' ? normalizeWindows(raw, env, refuse) : normalizePosix(raw, platform, refuse);
}

function normalizeWindows(raw: string, env: Env, refuse: (reason: string) => Normalized): Normalized {
  const expanded = expandWindowsVariables(raw, env);
  if (expanded === null) return refuse('an environment variable in the path is not set');
  const path = expanded.replaceAll('/', '\\');
  if (/^\\\\[?.]\\/.test(path)) return refuse('device paths (\\\\?\\, \\\\.\\) are not allowed');
  if (/[*?<>|]/.test(path)) return refuse('wildcards are not allowed');
  const drive = /^[A-Za-z]:\\/.exec(path);
  const unc = /^\\\\[^\\]+\\[^\\]+\\/.exec(path);
  if (!drive && !unc) return refuse('a full path is needed (C:\\… or \\\\server\\share\\…)');
  const rest = path.slice(drive ? 3 : 2);
  if (rest.includes(':')) return refuse('alternate data streams (":") are not allowed');
  const segments = rest.split('\\').filter((s) => s !== '');
  if (segments.length === 0) return refuse('no program named');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') return refuse('"." and ".." are not allowed in a program path');
    if (/[. ]$/.test(segment)) return refuse('a name ending in a dot or a space (Windows would drop it)');
    if (/~\d/.test(segment)) return refuse('short 8.3 names (PROGRA~1) are not allowed: write the long name');
  }
  const file = `${drive ? drive[0].toUpperCase() : '\\\\'}${segments.join('\\')}`;
  if (!WINDOWS_PROGRAM.test(file)) return refuse('only .exe and .com programs run directly; scripts need an allowed interpreter');
  return { ok: true, file, key: asciiLower(file) };
}

function normalizePosix(raw: string, platform: Platform, refuse: (reason: string) => Normalized): Normalized {
  if (!raw.startsWith('/')) return refuse('a full path is needed (/…)');
  const segments = raw.split('/').filter((s) => s !== '');
  if (segments.length === 0) return refuse('no program named');
  if (segments.some((s) => s === '..' || s === '.')) return refuse('"." and ".." are not allowed in a program path');
  const file = `/${segments.join('/')}`;
  // APFS and HFS+ are case-insensitive by default; Linux file systems are not.
  return { ok: true, file, key: platform === 'darwin' ? asciiLower(file) : file };
}

/** `%Name%` from the environment, the name matched case-insensitively as Windows does; null if one is unset. */
function expandWindowsVariables(raw: string, env: Env): string | null {
  let missing = false;
  const expanded = raw.replace(/%([^%\\/]+)%/g, (_all, name: string) => {
    const key = Object.keys(env).find((k) => asciiLower(k) === asciiLower(name));
    const value = key === undefined ? undefined : env[key];
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? null : expanded;
}

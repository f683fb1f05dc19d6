import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Logger, pino } from 'pino';
import { createStream } from 'rotating-file-stream';

export type CoreLog = Logger;

/** Field names whose values never reach a log file, at any depth pino's paths reach. */
const SECRET_FIELDS = ['password', 'accessToken', 'refreshToken', 'token', 'authorization', 'ticket', 'secret', 'cookie'];

/** Strings that look like credentials wherever they appear in a message: JWTs, auth headers, tickets in URLs. */
const SECRET_TEXT: readonly [RegExp, string][] = [
  [/eyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g, '[redacted]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]'],
  [/([?&](?:ticket|token|code|password)=)[^&\s"]+/gi, '$1[redacted]'],
];

export function scrubSecrets(text: string): string {
  return SECRET_TEXT.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

export interface FileLogOptions {
  /** Rotate when the file reaches this size (rotating-file-stream's units: '2M', '500K'). */
  size?: string;
  /** Rotated files kept beside the current one. */
  keep?: number;
  level?: 'debug' | 'info' | 'warn' | 'error';
}

export interface FileLog {
  log: CoreLog;
  dir: string;
  /** The last `lines` lines written, oldest first (for "Copy diagnostics"). */
  tail(lines: number): string[];
  close(): Promise<void>;
}

/**
 * Core's log: JSON lines under the user data folder (`logs/portico.log`, then `portico.log.1` … as
 * it rotates, logrotate's way), where a packaged Windows app's console output would be lost.
 * Secrets are removed twice: by field name (pino's redaction) and by shape in every string.
 */
export function fileLog(dir: string, options: FileLogOptions = {}): FileLog {
  const name = 'portico.log';
  const stream = createStream((index) => (index ? `${name}.${index}` : name), {
    path: dir,
    size: options.size ?? '2M',
    rotate: options.keep ?? 5,
  });
  // A log that cannot be written (a full disk, a line after close) must never stop the app.
  stream.on('error', () => undefined);
  const paths = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);
  const log = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      redact: { paths, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
      formatters: {
        // Errors keep their message, code and stack (JSON alone would write {}), then everything is scrubbed.
        log: (object) => JSON.parse(scrubSecrets(JSON.stringify(object, errorFields))) as Record<string, unknown>,
      },
    },
    stream,
  );
  return {
    log,
    dir,
    tail(lines) {
      if (!existsSync(dir)) return [];
      const files = readdirSync(dir)
        .filter((file) => file === name || file.startsWith(`${name}.`))
        .sort((a, b) => rotationIndex(b) - rotationIndex(a));
      const all: string[] = [];
      for (const file of files) {
        try {
          all.push(...readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean));
        } catch {
          // Rotated away while reading.
        }
      }
      return all.slice(-lines);
    },
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}

function errorFields(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const { code } = value as NodeJS.ErrnoException;
  return { type: value.name, message: value.message, ...(code ? { code } : {}), stack: value.stack };
}

function rotationIndex(file: string): number {
  return Number(/\.(\d+)$/.exec(file)?.[1] ?? 0);
}

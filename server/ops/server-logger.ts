import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../../shared/protocol/operations-api.ts';
import { currentRequestScope } from './request-scope.ts';

/** Field names whose values never reach a log line, wherever they sit in the first two levels. */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'ticket',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
];

export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => (/^\w+$/.test(field) ? [field, `*.${field}`] : [`["${field}"]`, `*["${field}"]`])),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * The server's logger: JSON lines (pino), each stamped with the request it was written for, and
 * secrets censored by field name. Its level can be changed while the server runs (`logger.level = …`).
 */
export function createServerLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'portico-server' },
      mixin: () => currentRequestScope() ?? {},
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

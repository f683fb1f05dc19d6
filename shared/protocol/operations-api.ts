import { z } from 'zod';
import { Instant } from '../domain/ids.ts';

/** The server's log levels, most severe first; `silent` writes nothing. */
export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

/** PUT /api/admin/log-level: a new level, for a while (then back to the configured one) or until changed again. */
export const LogLevelChange = z.object({
  level: LogLevel,
  /** How long the level holds; without it, until the next change or restart. At most a day. */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
});
export type LogLevelChange = z.infer<typeof LogLevelChange>;

export const LogLevelState = z.object({
  level: LogLevel,
  /** The level the server was started with, and returns to. */
  configured: LogLevel,
  /** When a temporary level ends; null when it holds until changed. */
  until: Instant.nullable(),
});
export type LogLevelState = z.infer<typeof LogLevelState>;

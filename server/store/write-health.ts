/**
 * Whether the server can write. A full disk used to leave /readyz saying "ready" while every write
 * failed, until an unguarded timer's SQLITE_FULL stopped the process. Writes report here; /readyz
 * answers 503 while the last write failed, and ready again after the next one succeeds.
 */
export class WriteHealth {
  private failingSince: number | null = null;
  private lastReason = '';
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  failed(error: unknown): void {
    this.failingSince ??= this.now();
    this.lastReason = storageErrorCode(error) ?? 'write failed';
  }

  succeeded(): void {
    this.failingSince = null;
  }

  get status(): { ok: true } | { ok: false; since: number; reason: string } {
    return this.failingSince === null ? { ok: true } : { ok: false, since: this.failingSince, reason: this.lastReason };
  }
}

/** SQLite's codes for "the storage, not the request, is the problem" (disk full, I/O error, read-only). */
export function storageErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/.test(code) ? code : null;
}

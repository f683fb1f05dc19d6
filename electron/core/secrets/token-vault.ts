import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Turns a secret into bytes only this user can turn back (Electron: safeStorage, the OS keychain). */
export interface SecretCipher {
  readonly kind: string;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** Plain Node has no keychain: the file itself is the protection (mode 0600 in a 0700 folder). */
export const fileModeOnly: SecretCipher = {
  kind: 'file-mode-0600',
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (sealed) => sealed.toString('utf8'),
};

/** Keeps the refresh token between runs; the access token lives only in memory. */
export class TokenVault {
  private readonly file: string;
  private readonly cipher: SecretCipher;

  constructor(file: string, cipher: SecretCipher) {
    this.file = file;
    this.cipher = cipher;
  }

  read(): { serverUrl: string; refreshToken: string } | null {
    if (!existsSync(this.file)) return null;
    try {
      const value = JSON.parse(this.cipher.decrypt(readFileSync(this.file))) as unknown;
      if (value && typeof value === 'object' && 'serverUrl' in value && 'refreshToken' in value) {
        const { serverUrl, refreshToken } = value as Record<string, unknown>;
        if (typeof serverUrl === 'string' && typeof refreshToken === 'string') return { serverUrl, refreshToken };
      }
    } catch {
      // Unreadable (another OS user's keychain, a corrupt file): treat as signed out.
    }
    return null;
  }

  write(value: { serverUrl: string; refreshToken: string }): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, this.cipher.encrypt(JSON.stringify(value)), { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}

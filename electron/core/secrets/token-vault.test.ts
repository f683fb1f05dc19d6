import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenVault, fileModeOnly } from './token-vault.ts';

describe('token vault', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-vault-'));
  afterEach(() => rmSync(path.join(dir, 'session.json'), { force: true }));

  it('writes the refresh token readable only by this user and reads it back', () => {
    const vault = new TokenVault(path.join(dir, 'session.json'), fileModeOnly);
    vault.write({ serverUrl: 'http://oa:8787', refreshToken: 'r'.repeat(43) });
    expect(statSync(path.join(dir, 'session.json')).mode & 0o777).toBe(0o600);
    expect(vault.read()).toEqual({ serverUrl: 'http://oa:8787', refreshToken: 'r'.repeat(43) });
    vault.clear();
    expect(vault.read()).toBeNull();
  });

  it('treats a corrupt or foreign file as signed out instead of crashing', () => {
    writeFileSync(path.join(dir, 'session.json'), '\u0000garbage{');
    expect(new TokenVault(path.join(dir, 'session.json'), fileModeOnly).read()).toBeNull();
    const failing = {
      kind: 'broken',
      encrypt: () => Buffer.alloc(0),
      decrypt: () => {
        throw new Error('other user');
      },
    };
    expect(new TokenVault(path.join(dir, 'session.json'), failing).read()).toBeNull();
  });
});

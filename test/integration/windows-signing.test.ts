import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './harness.ts';

type Sign = ((configuration: { path: string }, env?: NodeJS.ProcessEnv, log?: (m: string) => void) => Promise<void>) & {
  signArguments(file: string, env: NodeJS.ProcessEnv): string[] | null;
};
const sign = createRequire(import.meta.url)('../../scripts/release/sign-windows.cjs') as Sign;

describe("the release's Windows signing hook", () => {
  const folder = tempDir('signing');
  afterAll(() => folder.remove());
  const file = 'C:\\build\\win-unpacked\\Portico.exe';

  it('says loudly that nothing is signed when no credentials are set, and does not fail the build', async () => {
    const said: string[] = [];
    await sign({ path: file }, {}, (m) => said.push(m));
    expect(said).toEqual([expect.stringMatching(/NOT SIGNED .*Portico\.exe: set PORTICO_TRUSTED_SIGNING_DLIB/)]);
  });

  it('signs with Azure Trusted Signing (signtool with its dlib and metadata), SHA-256 and an RFC 3161 timestamp', () => {
    const args = sign.signArguments(file, {
      PORTICO_TRUSTED_SIGNING_DLIB: 'D:\\dlib.dll',
      PORTICO_TRUSTED_SIGNING_METADATA: 'D:\\m.json',
    });
    expect(args).toEqual(
      ['sign', '/v', '/fd', 'sha256', '/td', 'sha256', '/tr', 'http://timestamp.acs.microsoft.com'].concat([
        '/dlib',
        'D:\\dlib.dll',
        '/dmdf',
        'D:\\m.json',
        file,
      ]),
    );
  });

  it('signs with a certificate from the store by thumbprint, and refuses a malformed one', () => {
    const thumbprint = 'a'.repeat(40);
    expect(sign.signArguments(file, { PORTICO_SIGN_CERT_SHA1: thumbprint })).toContain(thumbprint);
    expect(() => sign.signArguments(file, { PORTICO_SIGN_CERT_SHA1: 'abc' })).toThrow(/40-digit/);
  });

  it('runs the signtool it is given with those arguments, and fails the build when signtool fails', async () => {
    const record = path.join(folder.dir, 'signtool.args');
    const tool = path.join(folder.dir, 'signtool');
    writeFileSync(tool, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexit "\${FAIL:-0}"\n`);
    chmodSync(tool, 0o755);
    const env = {
      PORTICO_SIGNTOOL: tool,
      PORTICO_SIGN_CERT_SHA1: 'b'.repeat(40),
      PORTICO_SIGN_TIMESTAMP_URL: 'http://ts.corp.example',
    };
    await sign({ path: file }, env);
    expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual(sign.signArguments(file, env));
    await expect(sign({ path: file }, { ...env, FAIL: '3' } as NodeJS.ProcessEnv)).rejects.toThrow();
  });
});

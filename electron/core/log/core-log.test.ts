import { readFileSync, readdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLog, scrubSecrets } from './core-log.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-log-'));
  dirs.push(dir);
  return dir;
};
const flushed = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("core's file log", () => {
  it('rotates by size and keeps only the newest files, oldest last', async () => {
    const dir = folder();
    const files = fileLog(dir, { size: '1K', keep: 2 });
    for (let i = 0; i < 200; i += 1) {
      files.log.info({ i }, `line ${i}`);
      if (i % 20 === 19) await flushed();
    }
    await flushed();
    expect(readdirSync(dir).sort()).toEqual(['portico.log', 'portico.log.1', 'portico.log.2']);
    const newest = readFileSync(path.join(dir, 'portico.log'), 'utf8');
    expect(newest).toContain('line 199');
    expect(readFileSync(path.join(dir, 'portico.log.2'), 'utf8')).not.toContain('line 199');
    const tail = files.tail(3).map((line) => (JSON.parse(line) as { i: number }).i);
    expect(tail).toEqual([197, 198, 199]);
    await files.close();
  });

  it('never writes a password or a token, whether named as a field or hidden in a message', async () => {
    const dir = folder();
    const files = fileLog(dir);
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1X3poYW5nX3dlaSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
    files.log.warn(
      { password: 'portico-demo', body: { refreshToken: 'r-secret-1', nested: { accessToken: jwt } } },
      'sign-in failed',
    );
    files.log.info({ headers: { authorization: `Bearer ${jwt}` } }, `refused Bearer ${jwt}`);
    files.log.info(
      { url: `https://tool.example/sso?ticket=t-secret-2&next=/` },
      'opened https://tool.example/sso?ticket=t-secret-2',
    );
    files.log.error({ err: new Error(`upgrade refused for ${jwt}`) }, 'socket error');
    await flushed();
    const text = readFileSync(path.join(dir, 'portico.log'), 'utf8');
    for (const secret of ['portico-demo', 'r-secret-1', 't-secret-2', jwt, 'eyJ']) expect(text).not.toContain(secret);
    expect(text).toContain('sign-in failed');
    expect(text).toContain('next=/');
    expect(text).toContain('"message":"upgrade refused for [redacted]"');
    await files.close();
  });

  it('scrubs credential shapes from any text', () => {
    expect(scrubSecrets('Authorization: Basic dXNlcjpwYXNz')).toBe('Authorization: Basic [redacted]');
    expect(scrubSecrets('/api/x?code=abc&state=1')).toBe('/api/x?code=[redacted]&state=1');
    expect(scrubSecrets('nothing secret here')).toBe('nothing secret here');
  });
});

import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from './program-runner.ts';

// Real files and real processes: the program writes a marker, so "nothing runs" is observable.
const dir = mkdtempSync(path.join(tmpdir(), 'portico-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function program(name: string): { file: string; marker: string } {
  const file = path.join(dir, name);
  const marker = `${file}.ran`;
  writeFileSync(file, `#!/bin/sh\necho "$@" > "${marker}"\n`);
  chmodSync(file, 0o755);
  return { file, marker };
}

async function waitFor(file: string): Promise<string> {
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
  return readFileSync(file, 'utf8');
}

const context = (allowList: string[]) => ({ allowList, platform: 'linux', env: {} });

describe.skipIf(process.platform === 'win32')('running a local program', () => {
  it('starts an allowed program with its arguments, passed as they are (no shell)', async () => {
    const { file, marker } = program('report-tool');
    const outcome = await runProgram({ paths: { linux: file }, args: ['--month', '2026-11; rm -rf ~'] }, context([file]));
    expect(outcome.ok).toBe(true);
    expect(await waitFor(marker)).toBe('--month 2026-11; rm -rf ~\n');
  });

  it('refuses a program that is not on the list, says so, and runs nothing', async () => {
    const { file, marker } = program('not-listed');
    const outcome = await runProgram({ paths: { linux: file }, args: [] }, context([path.join(dir, 'other')]));
    expect(outcome).toMatchObject({ ok: false, code: 'not_allowed', path: file });
    expect(outcome.ok ? '' : outcome.reason).toContain("is not on this PC's list of allowed programs");
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a path trick aimed at a listed program, and runs nothing', async () => {
    const { file, marker } = program('listed');
    const outcome = await runProgram({ paths: { linux: `${dir}/sub/../listed` }, args: [] }, context([file]));
    expect(outcome).toMatchObject({ ok: false, code: 'malformed' });
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(marker)).toBe(false);
  });

  it('says when an allowed program is not installed', async () => {
    const missing = path.join(dir, 'uninstalled');
    expect(await runProgram({ paths: { linux: missing }, args: [] }, context([missing]))).toMatchObject({
      ok: false,
      code: 'not_found',
      reason: `${missing} is not installed on this PC`,
    });
    expect(await runProgram({ paths: { linux: dir }, args: [] }, context([dir]))).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('says when a tool has no path for this platform', async () => {
    expect(await runProgram({ paths: { win32: 'C:\\x.exe' }, args: [] }, context([]))).toMatchObject({
      ok: false,
      code: 'other_platform',
    });
  });
});

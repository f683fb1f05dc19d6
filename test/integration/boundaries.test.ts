import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('process boundaries', () => {
  // The files linted here exist only as text: without type information (which needs a file on disk),
  // the rules that use it are off; the import rules under test need none.
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/await-thenable': 'off',
      },
    },
  });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ['renderer/features/x/Leak.tsx', "import { readFileSync } from 'node:fs';"],
    ['renderer/features/x/Leak.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/features/x/Leak.tsx', "import path from 'path';"],
    ['renderer/features/x/Leak.tsx', "import { EventLog } from '../../../server/delivery/event-log.ts';"],
    ['electron/core/x/leak.ts', "import { app } from 'electron';"],
    ['electron/core/x/leak.ts', "import { App } from '../../../renderer/app/App.tsx';"],
    ['electron/browser-host/leak.ts', "import { startPorticoServer } from '../../server/app.ts';"],
    ['shared/protocol/leak.ts', "import { randomUUID } from 'node:crypto';"],
    ['shared/protocol/leak.ts', "import { useState } from 'react';"],
    ['server/features/x/leak.ts', "import { ClientCache } from '../../../electron/core/cache/client-cache.ts';"],
    ['electron/main/leak.ts', "import { ipcMain } from 'electron';"],
    ['server/delivery/leak.ts', "import { NoticeStore } from '../features/notices/notice-store.ts';"],
    ['server/delivery/leak.ts', "import { Connection } from '../gateway/connection.ts';"],
  ])('lint refuses %s: %s', async (file, code) => {
    expect(await lint(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/features/x/Ok.tsx', "import { z } from 'zod';"],
    ['shared/protocol/ok.ts', "import { EntityId } from '../domain/ids.ts';"],
    ['electron/core/x/ok.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/main/ok.ts', "import { app } from 'electron';"],
    ['server/delivery/ok.ts', "import type { Db } from '../store/database.ts';"],
    ['server/features/x/ok.ts', "import { WriteGate } from '../../delivery/write-gate.ts';"],
  ])('lint allows %s: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });

  it.each([
    ['renderer/tsconfig.json', 'renderer-imports-node.ts', /node:fs/],
    ['electron/core/tsconfig.json', 'core-imports-electron.ts', /has no exported member 'safeStorage'/],
  ])('the %s room fails to compile %s', (config, fixture, expected) => {
    const dir = mkdtempSync(path.join(root, 'test/fixtures/boundaries/tmp-'));
    try {
      const tsconfig = path.join(dir, 'tsconfig.json');
      writeFileSync(
        tsconfig,
        JSON.stringify({
          extends: path.join(root, config),
          include: [],
          files: [path.join(root, 'test/fixtures/boundaries', fixture)],
        }),
      );
      let output = '';
      try {
        execFileSync(
          process.execPath,
          [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--pretty', 'false'],
          { encoding: 'utf8' },
        );
      } catch (error) {
        output = String((error as { stdout?: string }).stdout);
      }
      expect(output).toMatch(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

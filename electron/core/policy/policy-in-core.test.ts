import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PorticoCore } from '../portico-core.ts';
import { TokenVault, fileModeOnly } from '../secrets/token-vault.ts';
import { MemoryBackend, SettingsStore } from '../settings/settings.ts';
import { resolvePolicy } from './resolve-policy.ts';

function coreWith(values: Record<string, unknown>, userServer?: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-core-policy-'));
  const settings = new SettingsStore(new MemoryBackend());
  if (userServer) settings.update({ serverUrl: userServer });
  return new PorticoCore({
    dataDir: dir,
    settings,
    vault: new TokenVault(path.join(dir, 'session.json'), fileModeOnly),
    shell: 'browser-host',
    version: '0.0.0',
    platform: 'linux',
    deviceName: 'test',
    defaultServerUrl: 'http://127.0.0.1:8787',
    policy: resolvePolicy([{ name: 'machine', values }]),
    launcherShell: { openWeb: async () => ({ opened: true }) },
  });
}

describe('policy applied by core', () => {
  it('enforces a locked server in the sign-in handler, not only in the UI', async () => {
    const core = coreWith({ serverUrl: 'https://oa.example.com', allowServerChange: false }, 'https://user-choice.example.net');
    expect(core.sessionView()).toMatchObject({ status: 'signedOut', serverUrl: 'https://oa.example.com', serverLocked: true });
    const outcome = await core.handlers['session.signIn']({
      serverUrl: 'https://elsewhere.example.net',
      username: 'zhang.wei',
      password: 'x',
    });
    expect(outcome).toEqual({ ok: false, error: { code: 'server_locked', url: 'https://oa.example.com' } });
    expect(await core.handlers['settings.get']({})).toMatchObject({
      locked: expect.arrayContaining(['serverUrl', 'allowServerChange']),
    });
  });

  it('lets the user override a policy server that is only a default', () => {
    const core = coreWith(
      { serverUrl: 'https://oa.example.com', defaultLanguage: 'zh-CN', chatEnabled: false },
      'https://user-choice.example.net',
    );
    expect(core.sessionView()).toMatchObject({ serverUrl: 'https://user-choice.example.net', serverLocked: false });
    expect(coreWith({ serverUrl: 'https://oa.example.com' }).sessionView()).toMatchObject({
      serverUrl: 'https://oa.example.com',
    });
  });

  it('reports the policy language and chat switch to the renderer', async () => {
    const settings = await coreWith({ defaultLanguage: 'zh-CN', chatEnabled: false }).handlers['settings.get']({});
    expect(settings).toEqual({
      language: null,
      policyLanguage: 'zh-CN',
      locked: ['chatEnabled'],
      languageLocked: false,
      chatEnabled: false,
      doNotDisturbUntil: null,
    });
  });

  it('fixes the language where IT locked it: the window gets IT’s, and a change is refused', async () => {
    const core = coreWith({ defaultLanguage: 'ru', lockLanguage: true });
    expect(await core.handlers['settings.setLanguage']({ language: 'nb' })).toEqual({ ok: false, code: 'locked' });
    expect(await core.handlers['settings.get']({})).toMatchObject({
      language: 'ru',
      languageLocked: true,
      locked: ['lockLanguage'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { shouldStartAtLogin, updateDecision } from './update-policy.ts';

const env = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\zw\\AppData\\Local',
};
const base = { policy: {}, packaged: true, platform: 'win32' as const, env };

describe('updates and start at login', () => {
  it('never self-updates a per-machine MSI install, whatever the case or separators', () => {
    for (const exePath of [
      'C:\\Program Files\\Portico\\Portico.exe',
      'c:/program files/Portico/Portico.exe',
      'C:\\Program Files (x86)\\Portico\\Portico.exe',
    ]) {
      expect(updateDecision({ ...base, exePath })).toEqual({ enabled: false, reason: 'per-machine install' });
    }
  });

  it('updates a per-user install, from the policy feed when IT gives one', () => {
    const exePath = 'C:\\Users\\zw\\AppData\\Local\\Programs\\Portico\\Portico.exe';
    expect(updateDecision({ ...base, exePath })).toEqual({ enabled: true, feedUrl: null });
    expect(updateDecision({ ...base, exePath, policy: { updateUrl: 'https://updates.example.com/portico' } })).toEqual({
      enabled: true,
      feedUrl: 'https://updates.example.com/portico',
    });
    // A folder that merely starts like Program Files is not under it.
    expect(updateDecision({ ...base, exePath: 'C:\\Program Files Extra\\Portico.exe' }).enabled).toBe(true);
  });

  it('obeys the policy off-switch and never updates a development checkout', () => {
    const exePath = 'C:\\Users\\zw\\AppData\\Local\\Programs\\Portico\\Portico.exe';
    expect(updateDecision({ ...base, exePath, policy: { autoUpdate: false } })).toEqual({ enabled: false, reason: 'policy' });
    expect(updateDecision({ ...base, exePath, packaged: false })).toEqual({ enabled: false, reason: 'not packaged' });
    expect(updateDecision({ ...base, platform: 'linux', exePath: '/opt/Portico/portico' }).enabled).toBe(true);
  });

  it('starts at login unless policy turns it off', () => {
    expect(shouldStartAtLogin({})).toBe(true);
    expect(shouldStartAtLogin({ autoStart: false })).toBe(false);
  });
});

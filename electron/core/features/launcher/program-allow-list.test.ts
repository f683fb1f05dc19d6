import { describe, expect, it } from 'vitest';
import { checkProgram } from './program-allow-list.ts';

const env = { ProgramFiles: 'C:\\Program Files', WINDIR: 'C:\\Windows', HOME: '/home/li' };
const windowsList = ['C:\\Program Files\\Kingdee\\KIS.exe', '%WINDIR%\\System32\\calc.exe', '\\\\fs01\\apps\\Report.exe'];
const win = (path: string) => checkProgram(path, windowsList, 'win32', env);

describe('the allow-list on Windows', () => {
  it('runs a listed program, however its case, slashes and variables are written', () => {
    expect(win('C:\\Program Files\\Kingdee\\KIS.exe')).toEqual({ ok: true, file: 'C:\\Program Files\\Kingdee\\KIS.exe' });
    expect(win('c:\\program files\\KINGDEE\\kis.EXE').ok).toBe(true);
    expect(win('C:/Program Files/Kingdee/KIS.exe').ok).toBe(true);
    expect(win('C:\\Program Files\\\\Kingdee\\KIS.exe').ok).toBe(true);
    expect(win('%ProgramFiles%\\Kingdee\\KIS.exe').ok).toBe(true);
    expect(win('%programfiles%\\Kingdee\\KIS.exe').ok).toBe(true);
    expect(win('C:\\Windows\\System32\\calc.exe').ok).toBe(true);
    expect(win('\\\\fs01\\apps\\Report.exe').ok).toBe(true);
  });

  it('folds ASCII case only: Unicode lookalikes that toLowerCase would fold (the Kelvin sign) do not match', () => {
    expect(win('C:\\Program Files\\\u212Aingdee\\KIS.exe')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(win('C:\\Program Files\\Kingdee\\\u212AIS.exe')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(win('C:\\Program Files\\Kingdee\\K\u0130S.exe')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(checkProgram('/Applications/\u212Aeynote.app', ['/Applications/Keynote.app'], 'darwin', env).ok).toBe(false);
  });

  it('refuses a program that is not listed, naming it', () => {
    const refused = win('C:\\Windows\\System32\\cmd.exe');
    expect(refused).toMatchObject({ ok: false, code: 'not_allowed', path: 'C:\\Windows\\System32\\cmd.exe' });
    expect(refused.ok ? '' : refused.reason).toContain('cmd.exe is not on');
  });

  it.each([
    ['C:\\Program Files\\Kingdee\\..\\..\\Windows\\System32\\cmd.exe', '".."'],
    ['C:\\Program Files\\Kingdee\\.\\KIS.exe', '".."'],
    ['"C:\\Program Files\\Kingdee\\KIS.exe"', 'quotes'],
    ["'C:\\Program Files\\Kingdee\\KIS.exe'", 'quotes'],
    ['C:\\Program Files\\Kingdee\\KIS.exe.', 'dot or a space'],
    ['C:\\Program Files\\Kingdee\\KIS.exe ', 'dot or a space'],
    ['C:\\Program Files \\Kingdee\\KIS.exe', 'dot or a space'],
    ['C:\\Program Files\\Kingdee\\KIS.exe:evil.exe', 'data streams'],
    ['\\\\?\\C:\\Program Files\\Kingdee\\KIS.exe', 'device paths'],
    ['\\\\.\\C:\\Program Files\\Kingdee\\KIS.exe', 'device paths'],
    ['C:\\PROGRA~1\\Kingdee\\KIS.exe', '8.3'],
    ['C:\\Program Files\\Kingdee\\*.exe', 'wildcards'],
    ['Kingdee\\KIS.exe', 'full path'],
    ['C:KIS.exe', 'full path'],
    ['C:\\Program Files\\Kingdee\\KIS.bat', '.exe'],
    ['C:\\Program Files\\Kingdee\\KIS.ps1', '.exe'],
    ['%NOPE%\\KIS.exe', 'not set'],
    ['C:\\Program Files\\Kingdee\\KIS.exe\u0000.txt', 'control'],
  ])('refuses %s as malformed (%s), even when it would name a listed file', (path, why) => {
    const result = win(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('malformed');
      expect(result.reason).toContain(why);
    }
  });

  it('ignores malformed entries in the list itself instead of matching them loosely', () => {
    const list = ['C:\\Apps\\..\\Windows\\System32\\cmd.exe', '"C:\\Apps\\tool.exe"'];
    expect(checkProgram('C:\\Windows\\System32\\cmd.exe', list, 'win32', env).ok).toBe(false);
    expect(checkProgram('C:\\Apps\\tool.exe', list, 'win32', env).ok).toBe(false);
  });

  it('an empty list allows nothing', () => {
    expect(checkProgram('C:\\Windows\\System32\\calc.exe', [], 'win32', env)).toMatchObject({ ok: false, code: 'not_allowed' });
  });
});

describe('the allow-list on Linux and macOS', () => {
  const list = ['/usr/bin/gnome-calculator', '/Applications/Calculator.app'];
  it('matches exactly on Linux, where case matters', () => {
    expect(checkProgram('/usr/bin/gnome-calculator', list, 'linux', env).ok).toBe(true);
    expect(checkProgram('//usr/bin//gnome-calculator', list, 'linux', env).ok).toBe(true);
    expect(checkProgram('/usr/bin/GNOME-calculator', list, 'linux', env)).toMatchObject({ ok: false, code: 'not_allowed' });
  });
  it('ignores case on macOS', () => {
    expect(checkProgram('/applications/calculator.app', list, 'darwin', env).ok).toBe(true);
  });
  it.each(['/usr/bin/../bin/sh', '/usr/bin/./gnome-calculator', 'usr/bin/gnome-calculator', '~/bin/x'])('refuses %s', (path) => {
    expect(checkProgram(path, list, 'linux', env)).toMatchObject({ ok: false, code: 'malformed' });
  });
});

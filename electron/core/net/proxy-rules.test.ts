import { describe, expect, it } from 'vitest';
import { bypassesProxy, policyProxyResolver, routeOfPacAnswer } from './proxy-rules.ts';

describe('proxy decisions', () => {
  it('reads PAC answers as browsers do: first usable entry, SOCKS skipped, nothing usable is direct', () => {
    expect(routeOfPacAnswer('PROXY proxy.corp:8080; DIRECT')).toEqual({
      kind: 'proxy',
      url: 'http://proxy.corp:8080',
      host: 'proxy.corp',
      port: 8080,
    });
    expect(routeOfPacAnswer('SOCKS5 s.corp:1080; HTTPS [fd00::1]:3128')).toMatchObject({
      url: 'http://[fd00::1]:3128',
      port: 3128,
    });
    expect(routeOfPacAnswer('DIRECT')).toEqual({ kind: 'direct' });
    expect(routeOfPacAnswer('')).toEqual({ kind: 'direct' });
    expect(routeOfPacAnswer('PROXY nonsense; PROXY p:99999')).toEqual({ kind: 'direct' });
  });

  it('applies Chromium bypass rules, with loopback implicit unless <-loopback>', () => {
    const list = '*.corp.example.com;intranet;10.0.0.0/8;<local>;tools.example.com:8443';
    expect(bypassesProxy('https://oa.corp.example.com/x', list)).toBe(true);
    expect(bypassesProxy('https://corp.example.com/x', list)).toBe(false);
    expect(bypassesProxy('http://intranet/', list)).toBe(true);
    expect(bypassesProxy('http://10.2.3.4:8787/', list)).toBe(true);
    expect(bypassesProxy('http://11.2.3.4:8787/', list)).toBe(false);
    expect(bypassesProxy('http://wiki/', list)).toBe(true);
    expect(bypassesProxy('https://tools.example.com:8443/', list)).toBe(true);
    expect(bypassesProxy('https://tools.example.com/', list)).toBe(false);
    expect(bypassesProxy('http://127.0.0.1:8787/', '')).toBe(true);
    expect(bypassesProxy('http://localhost:8787/', '')).toBe(true);
    expect(bypassesProxy('http://127.0.0.1:8787/', '<-loopback>')).toBe(false);
    expect(bypassesProxy('http://anything/', '*')).toBe(true);
  });

  it('answers from the policy, and from HTTPS_PROXY and NO_PROXY in "system" mode', async () => {
    const fixed = policyProxyResolver(
      { proxyMode: 'fixed_servers', proxyServer: 'p.corp:3128', proxyBypassList: '*.local.corp' },
      {},
    );
    expect(await fixed('https://oa.example.com/')).toBe('PROXY p.corp:3128');
    expect(await fixed('https://hr.local.corp/')).toBe('DIRECT');
    expect(await policyProxyResolver({ proxyMode: 'direct' }, { HTTPS_PROXY: 'http://p:1' })('https://oa.example.com/')).toBe(
      'DIRECT',
    );
    const system = policyProxyResolver({}, { HTTPS_PROXY: 'http://p.corp:3128/', NO_PROXY: 'example.org,.internal' });
    expect(await system('https://oa.example.com/')).toBe('PROXY p.corp:3128');
    expect(await system('https://oa.example.org/')).toBe('DIRECT');
    expect(await system('https://example.org/')).toBe('DIRECT');
    expect(await system('https://x.internal/')).toBe('DIRECT');
    expect(await system('http://plain.example.com/')).toBe('DIRECT'); // HTTP_PROXY unset
    const warnings: string[] = [];
    const pac = policyProxyResolver({ proxyMode: 'pac_script', proxyPacUrl: 'http://wpad/proxy.pac' }, {}, (m) =>
      warnings.push(m),
    );
    expect(await pac('https://oa.example.com/')).toBe('DIRECT');
    await pac('https://oa.example.com/');
    expect(warnings).toHaveLength(1);
  });
});

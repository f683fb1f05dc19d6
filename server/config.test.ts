import { describe, expect, it } from 'vitest';
import { parseServerConfig } from './config.ts';

describe('server configuration', () => {
  it('takes flags over environment over defaults', () => {
    const config = parseServerConfig(
      ['--port', '9000', '--no-demo'],
      { PORTICO_PORT: '7000', PORTICO_DATA: 'srv', PORTICO_DEMO: 'true' },
      '/opt',
    );
    expect(config).toMatchObject({ port: 9000, demo: false, dataDir: '/opt/srv', host: '127.0.0.1', retentionDays: 14 });
  });

  it('refuses an invalid value with a message naming it', () => {
    expect(() => parseServerConfig(['--port', 'eighty'], {}, '/opt')).toThrow(/port/);
    expect(() => parseServerConfig(['--bogus'], {}, '/opt')).toThrow();
  });

  it('takes the TLS pair together, as paths from where it was started, or not at all', () => {
    expect(parseServerConfig(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {}, '/etc/portico')).toMatchObject({
      tls: { certFile: '/etc/portico/c.pem', keyFile: '/etc/portico/k.pem' },
    });
    expect(parseServerConfig([], { PORTICO_TLS_CERT: '/a.pem', PORTICO_TLS_KEY: '/b.pem' }, '/')).toMatchObject({
      tls: { certFile: '/a.pem', keyFile: '/b.pem' },
    });
    expect(parseServerConfig([], {}, '/')).toMatchObject({ tls: null });
    expect(() => parseServerConfig(['--tls-cert', 'c.pem'], {}, '/')).toThrow(/--tls-cert and --tls-key go together/);
  });
});

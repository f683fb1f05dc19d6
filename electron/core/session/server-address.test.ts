import { describe, expect, it } from 'vitest';
import { normalizeServerUrl } from './server-address.ts';

describe('server address typed by a user', () => {
  it.each([
    ['oa.example.com:8787', 'http://oa.example.com:8787', 'ws://oa.example.com:8787/ws'],
    ['https://oa.example.com/', 'https://oa.example.com', 'wss://oa.example.com/ws'],
    ['  http://127.0.0.1:8787  ', 'http://127.0.0.1:8787', 'ws://127.0.0.1:8787/ws'],
    ['https://example.com/portico/', 'https://example.com/portico', 'wss://example.com/portico/ws'],
    // IT often writes the socket's address (SERVER_URL=wss://… on the msiexec command line).
    ['wss://oa.example.com', 'https://oa.example.com', 'wss://oa.example.com/ws'],
    ['ws://10.0.0.5:8787/', 'http://10.0.0.5:8787', 'ws://10.0.0.5:8787/ws'],
  ])('%s → %s', (input, httpUrl, wsUrl) => {
    expect(normalizeServerUrl(input)).toEqual({ httpUrl, wsUrl });
  });

  it.each([
    '',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://oa',
    'http://user:pw@oa.example.com',
    'http://oa?x=1',
    'http://[bad',
  ])('refuses %s', (input) => expect(normalizeServerUrl(input)).toBeNull());
});

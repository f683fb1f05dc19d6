import type { Random } from './random.ts';
import type { RawPiece } from './raw-http.ts';

export interface HttpCase {
  kind: string;
  pieces: RawPiece[];
  /** Half-close after writing (a truncated request): the server may answer or simply close. */
  endAfter: boolean;
}

const CRLF = '\r\n';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'BREW', 'get', 'PROPFIND', 'M-SEARCH'];
const ODD_TARGETS = [
  '//',
  '///',
  '/%',
  '/%zz',
  '/%00',
  '/..%2f',
  '/..%2f..%2fetc%2fpasswd',
  '/../../etc/passwd',
  '/%2e%2e/%2e%2e/',
  '/api//auth/login',
  '/api/auth/login/',
  '/\\evil.example',
  '//evil.example/x',
  '/?',
  '/?%',
  '/#frag',
  '/api/attachments/%FF%FE',
  '/api/notices/%uD800',
  '/;jsessionid=1',
  '/api/admin/users/%2e%2e',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  '',
];
const BODIES: (() => Buffer)[] = [
  () => Buffer.from('{'),
  () => Buffer.from('{"username":'),
  () => Buffer.from('null'),
  () => Buffer.from('[]'),
  () => Buffer.from('"text"'),
  () => Buffer.from('{"username":"a","password":"b"}'),
  () => Buffer.from('{"refreshToken":12}'),
  () => Buffer.from(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`),
  () => Buffer.from(`{"n":1e999999,"m":-0,"big":123456789012345678901234567890}`),
  () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), // invalid UTF-8 inside a string
  () => Buffer.from('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
  () => Buffer.alloc(70 * 1024, 0x61),
  () => Buffer.from('\u0000\u0001\u0002'),
];

/** One generated request: a route of the real table or an odd target, with odd methods, headers and bodies. */
export function httpCase(rng: Random, routes: readonly { method: string; path: string }[], host: string): HttpCase {
  const route = rng.pick(routes);
  const filled = route.path.replace(/:[a-zA-Z]+/g, () =>
    rng.pick(['x', '1', rng.string(rng.int(1, 40)), '%2e%2e', '%', 'a'.repeat(300), '..']),
  );
  const kind = rng.pick([
    'odd-target',
    'long-target',
    'absolute-form',
    'authority-form',
    'route-bad-method',
    'route-bad-body',
    'route-bad-headers',
    'truncated-body',
    'slow-body',
    'chunked',
    'bad-request-line',
    'huge-headers',
  ] as const);
  let method = route.method;
  let target = filled;
  let headers: [string, string][] = [
    ['Host', host],
    ['Connection', 'close'],
  ];
  let body: Buffer | null = null;
  let endAfter = false;
  let slow = false;
  let rawHead: string | null = null;

  switch (kind) {
    case 'odd-target':
      method = rng.pick(METHODS);
      target = rng.pick(ODD_TARGETS) + (rng.chance(0.3) ? filled : '');
      break;
    case 'long-target':
      target = `/${'a/'.repeat(rng.int(2000, 4500))}`; // 4–9 KiB: some under the limit, some over
      break;
    case 'absolute-form':
      target = `http://${rng.pick(['evil.example', '127.0.0.1', host])}${filled}`;
      break;
    case 'authority-form':
      method = rng.pick(['CONNECT', 'GET']);
      target = rng.pick(['evil.example:443', '127.0.0.1:22', '*']);
      break;
    case 'route-bad-method':
      method = rng.pick(METHODS);
      break;
    case 'route-bad-body':
      method = rng.pick(['POST', 'PUT', 'PATCH', route.method]);
      body = rng.pick(BODIES)();
      headers.push(['Content-Type', rng.pick(CONTENT_TYPES)]);
      if (rng.chance(0.5)) headers.push(['Authorization', `Bearer ${rng.string(rng.int(0, 600))}`]);
      break;
    case 'route-bad-headers':
      headers.push(
        ...rng.pick<[string, string][]>([
          [
            ['Content-Type', 'application/json'],
            ['Content-Type', 'text/plain'],
          ],
          [
            ['Authorization', 'Bearer a'],
            ['Authorization', 'Bearer b'],
          ],
          [['Authorization', `Bearer ${'x'.repeat(8000)}`]],
          [['Authorization', 'Basic Zm9vOmJhcg==']],
          [['X-Forwarded-For', `${'1.2.3.4, '.repeat(500)}5.6.7.8`]],
          [['Content-Length', '-1']],
          [['Content-Length', '99999999999999999999']],
          [
            ['Content-Length', '5'],
            ['Content-Length', '6'],
          ],
          [
            ['Content-Length', '5'],
            ['Transfer-Encoding', 'chunked'],
          ],
          [['Transfer-Encoding', 'gzip, chunked, identity']],
          [['Expect', '100-continue']],
          [['Origin', 'null']],
          [['X-Weird', 'a\u00ff\u00fe']],
          [['Bad Header', 'x']],
          [['Accept-Language', 'x'.repeat(4000)]],
        ]),
      );
      if (rng.chance(0.3)) headers = headers.filter(([name]) => name !== 'Host');
      break;
    case 'truncated-body':
      method = rng.pick(['POST', 'PUT', 'PATCH']);
      headers.push(['Content-Type', 'application/json'], ['Content-Length', String(rng.int(20, 5000))]);
      body = Buffer.from('{"username":"zhang.wei","pass');
      endAfter = true;
      break;
    case 'slow-body':
      method = rng.pick(['POST', 'PUT', 'PATCH']);
      body = Buffer.from(JSON.stringify({ username: 'nobody', password: rng.string(20), note: rng.string(200) }));
      headers.push(['Content-Type', 'application/json'], ['Content-Length', String(body.length)]);
      slow = true;
      break;
    case 'chunked':
      method = rng.pick(['POST', 'PUT', 'PATCH']);
      headers.push(['Content-Type', 'application/json'], ['Transfer-Encoding', 'chunked']);
      body = Buffer.from(
        rng.pick(['5\r\n{"a":\r\n0\r\n\r\n', 'zz\r\nxx\r\n0\r\n\r\n', '1000\r\n{}\r\n', 'ffffffffffffffffff\r\n{}\r\n0\r\n\r\n']),
      );
      endAfter = true; // some bodies are cut short; like a client that gave up, it closes its side
      break;
    case 'bad-request-line':
      rawHead = rng.pick([
        'GET\r\n\r\n',
        'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
        'GET /\r\n\r\n',
        ' / HTTP/1.1\r\n\r\n',
        'GET / HTTP/1.1 extra\r\n\r\n',
        '\r\n\r\n\r\n',
        'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
        `${'A'.repeat(10_000)} / HTTP/1.1\r\n\r\n`,
        'GET / HTTP/1.1\nHost: x\n\n',
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\n\r\n',
        '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003', // a TLS ClientHello on the plain port
      ]);
      break;
    case 'huge-headers':
      headers.push(
        ...Array.from({ length: rng.int(50, 3000) }, (_, i): [string, string] => [`X-H${i}`, rng.string(rng.int(1, 30))]),
      );
      break;
  }

  if (rawHead !== null) return { kind, pieces: [Buffer.from(rawHead, 'latin1')], endAfter: true };
  if (body && !headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name)))
    headers.push(['Content-Length', String(body.length)]);
  const head = Buffer.from(
    `${method} ${target} HTTP/1.1${CRLF}${headers.map(([n, v]) => `${n}: ${v}`).join(CRLF)}${CRLF}${CRLF}`,
    'latin1',
  );
  const pieces: RawPiece[] = [head];
  if (body && slow) {
    for (let at = 0; at < body.length; at += 16) pieces.push(body.subarray(at, at + 16), { pauseMs: rng.int(1, 15) });
  } else if (body) {
    pieces.push(body);
  }
  return { kind, pieces, endAfter };
}

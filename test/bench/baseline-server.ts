/**
 * The baselines the fan-out is compared with, each run as its own process like Portico's server:
 *   ws:       a bare `ws` server that loops over its clients and sends (the ws README's broadcast);
 *   socketio: a Socket.IO 4 server doing `io.emit` (WebSocket transport only).
 * `POST /broadcast` with a text body sends that text to every client. Neither stores anything.
 * Usage: node test/bench/baseline-server.ts ws|socketio
 */
import { createServer } from 'node:http';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer } from 'ws';

const kind = process.argv[2];
if (kind !== 'ws' && kind !== 'socketio') {
  console.error('usage: baseline-server.ts ws|socketio');
  process.exit(2);
}

const http = createServer();
let broadcast: (text: string) => number;
if (kind === 'ws') {
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 64 * 1024 });
  broadcast = (text) => {
    for (const client of wss.clients) client.send(text);
    return wss.clients.size;
  };
} else {
  const server = new SocketIoServer(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
  broadcast = (text) => {
    server.emit('notice', text);
    return server.engine.clientsCount;
  };
}

http.on('request', (req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    // Socket.IO answers its own path; everything else is not ours.
    if (!req.url?.startsWith('/socket.io')) res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const sent = broadcast(Buffer.concat(chunks).toString());
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sent }));
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`BASELINE_READY http://127.0.0.1:${port}`);
});
process.on('disconnect', () => process.exit(0));

import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

/** A busy office, per simulated hour, for the person at the PC; the soak runs it at 10×. */
export const BUSY_OFFICE_PER_HOUR = { notices: 2, chatMessages: 30, presenceChanges: 60 } as const;

const login = async (serverUrl: string, username: string) => {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'portico-demo' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status}`);
  return (await res.json()) as { accessToken: string; user: { id: string } };
};

/** A colleague's socket that sends requests, acknowledges what it is sent, and keeps nothing. */
class Colleague {
  private readonly waiting = new Map<string, (result: unknown) => void>();
  readonly ws: WebSocket;
  constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; id?: string; ok?: boolean; result?: unknown; seq?: number };
      if (frame.type === 'event' && frame.seq) ws.send(JSON.stringify({ type: 'ack', seq: frame.seq }));
      if (frame.type === 'response' && frame.id) {
        this.waiting.get(frame.id)?.(frame.ok ? frame.result : null);
        this.waiting.delete(frame.id);
      }
    });
  }
  request(method: string, params: object): Promise<unknown> {
    const id = randomUUID();
    const answered = new Promise<unknown>((resolve) => this.waiting.set(id, resolve));
    this.ws.send(JSON.stringify({ type: 'request', id, method, actionId: randomUUID(), params }));
    return answered;
  }
}

/**
 * The office around one person (zhang.wei): HR publishes notices, three colleagues chat with them
 * and change their presence, at `multiple` × a busy office's rate, one simulated minute at a time.
 */
export class OfficeLoad {
  /** What the office sent and the server accepted, by kind. */
  readonly sent = { chatMessages: 0, presenceChanges: 0, notices: 0, refused: 0 };
  private readonly serverUrl: string;
  private readonly hrToken: string;
  private readonly colleagues: Colleague[];
  private readonly conversations: string[];
  private readonly multiple: number;

  private constructor(serverUrl: string, hrToken: string, colleagues: Colleague[], conversations: string[], multiple: number) {
    this.serverUrl = serverUrl;
    this.hrToken = hrToken;
    this.colleagues = colleagues;
    this.conversations = conversations;
    this.multiple = multiple;
  }

  static async start(serverUrl: string, multiple: number): Promise<OfficeLoad> {
    const hr = await login(serverUrl, 'chen.jing');
    const me = await login(serverUrl, 'zhang.wei');
    const colleagues: Colleague[] = [];
    const conversations: string[] = [];
    for (const username of ['wang.fang', 'li.na', 'huang.min']) {
      const session = await login(serverUrl, username);
      const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/ws`, {
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      const colleague = new Colleague(ws);
      const created = (await colleague.request('chat.create', { kind: 'direct', memberIds: [me.user.id] })) as {
        conversationId: string;
      } | null;
      if (!created) throw new Error(`${username} could not open a chat`);
      colleagues.push(colleague);
      conversations.push(created.conversationId);
    }
    return new OfficeLoad(serverUrl, hr.accessToken, colleagues, conversations, multiple);
  }

  /** What happens in one simulated minute (rates spread evenly; fractions carried over). */
  async minute(index: number): Promise<void> {
    const due = (perHour: number) =>
      Math.floor(((index + 1) * perHour * this.multiple) / 60) - Math.floor((index * perHour * this.multiple) / 60);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < due(BUSY_OFFICE_PER_HOUR.chatMessages); i += 1) {
      const who = (index + i) % this.colleagues.length;
      work.push(
        this.colleagues[who]!.request('chat.send', {
          conversationId: this.conversations[who]!,
          text: `Minute ${index}, message ${i}: the figures for Q3 are in the shared folder.`,
        }).then((result) => (result ? (this.sent.chatMessages += 1) : (this.sent.refused += 1))),
      );
    }
    for (let i = 0; i < due(BUSY_OFFICE_PER_HOUR.presenceChanges); i += 1) {
      const who = (index + i) % this.colleagues.length;
      const manual = (index + i) % 2 === 0 ? 'meeting' : 'auto';
      work.push(
        this.colleagues[who]!.request('presence.set', { manual, manualUntil: null, statusText: null, schedule: null }).then(
          (result) => (result ? (this.sent.presenceChanges += 1) : (this.sent.refused += 1)),
        ),
      );
    }
    for (let i = 0; i < due(BUSY_OFFICE_PER_HOUR.notices); i += 1) {
      work.push(
        fetch(`${this.serverUrl}/api/notices`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.hrToken}` },
          body: JSON.stringify({
            title: `Notice ${index}.${i}`,
            body: 'The lifts are serviced on Saturday.',
            audience: { everyone: true },
          }),
        }).then(async (res) => {
          await res.arrayBuffer();
          if (res.status === 201) this.sent.notices += 1;
          else this.sent.refused += 1;
        }),
      );
    }
    await Promise.all(work);
  }

  close(): void {
    for (const colleague of this.colleagues) colleague.ws.close();
  }
}

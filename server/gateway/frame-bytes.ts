import type { RawData } from 'ws';

/** Events at least this long are sent as fragments around one shared UTF-8 copy of the body. */
export const FRAGMENT_FROM_CHARS = 4096;

let lastJson = '';
let lastBytes = Buffer.alloc(0);

/** A fan-out sends one body to many sockets in a row: it is encoded the first time only. */
export function encodedOnce(json: string): Buffer {
  if (json !== lastJson) {
    lastJson = json;
    lastBytes = Buffer.from(json, 'utf8');
  }
  return lastBytes;
}

/** A resume frame, told apart without parsing (a frame flood is refused before it is parsed). */
export function isResume(data: RawData): boolean {
  const head = (Buffer.isBuffer(data) ? data : Buffer.from(rawToString(data))).subarray(0, 64).toString('latin1');
  return /^\s*\{\s*"type"\s*:\s*"resume"/.test(head);
}

export function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import busboy from 'busboy';
import { HttpProblem } from '../../gateway/http-kit.ts';

/** A minidump is a few hundred KiB; a full-memory one is not wanted here. */
export const MAX_MINIDUMP_BYTES = 8 * 1024 * 1024;
/** Crashpad gzips the whole body when asked (`compress: true`, Electron's default). */
export const MAX_UPLOAD_BYTES = MAX_MINIDUMP_BYTES + 64 * 1024;
const MAX_FIELDS = 64;
const MAX_FIELD_BYTES = 1024;

export interface CrashUpload {
  /** Crashpad's annotations: `prod`, `ver`, `platform`, `process_type`, `_productName`, … (strings, capped). */
  fields: Record<string, string>;
  minidump: Buffer;
}

/**
 * Reads a Crashpad upload as Electron's crash reporter sends it: multipart/form-data, optionally
 * gzipped, with the minidump in `upload_file_minidump`. Anything else is a 400 that says why; a
 * body that inflates past the limit is a 413, so a small request cannot grow into a large one.
 */
export async function readCrashUpload(headers: IncomingHttpHeaders, body: Buffer): Promise<CrashUpload> {
  let raw = body;
  const encoding = String(headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip') {
    try {
      raw = gunzipSync(body, { maxOutputLength: MAX_UPLOAD_BYTES });
    } catch (error) {
      if (error instanceof RangeError) throw new HttpProblem(413, 'body_too_large', 'the upload inflates past the limit');
      throw new HttpProblem(400, 'invalid_request', 'the body is not valid gzip');
    }
  } else if (encoding && encoding !== 'identity') {
    throw new HttpProblem(415, 'unsupported_encoding', `content-encoding ${encoding} is not accepted`);
  }
  const type = String(headers['content-type'] ?? '');
  if (!/^multipart\/form-data\b/i.test(type)) throw new HttpProblem(415, 'unsupported_media_type', 'send multipart/form-data');
  return new Promise<CrashUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let minidump: Buffer | null = null;
    let problem: HttpProblem | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { ...headers, 'content-type': type },
        limits: { fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, files: 1, fileSize: MAX_MINIDUMP_BYTES, parts: MAX_FIELDS + 1 },
      });
    } catch {
      return reject(new HttpProblem(400, 'invalid_request', 'the multipart boundary is missing'));
    }
    parser.on('field', (name, value) => {
      if (/^[\w.-]{1,64}$/.test(name)) fields[name] = value.slice(0, MAX_FIELD_BYTES);
    });
    parser.on('file', (name, stream) => {
      if (name !== 'upload_file_minidump') return void stream.resume();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on(
        'limit',
        () => (problem = new HttpProblem(413, 'body_too_large', `a minidump is at most ${MAX_MINIDUMP_BYTES} bytes`)),
      );
      stream.on('end', () => (minidump = Buffer.concat(chunks)));
    });
    parser.on('error', () => reject(new HttpProblem(400, 'invalid_request', 'the multipart body is malformed')));
    parser.on('close', () => {
      if (problem) return reject(problem);
      const dump = minidump as Buffer | null;
      if (!dump) return reject(new HttpProblem(400, 'invalid_request', 'no upload_file_minidump part'));
      // Every minidump starts with the signature "MDMP".
      if (dump.subarray(0, 4).toString('latin1') !== 'MDMP')
        return reject(new HttpProblem(400, 'invalid_request', 'not a minidump'));
      resolve({ fields, minidump: dump });
    });
    Readable.from([raw]).pipe(parser);
  });
}

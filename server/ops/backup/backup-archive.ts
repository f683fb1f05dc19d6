import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/**
 * A backup is one file: a magic line, a JSON header in the clear (what it holds, which schema, how
 * the key is derived), then every file it holds, encrypted together with AES-256-GCM under a key
 * derived by scrypt from the operator's passphrase, then GCM's tag. The header is authenticated
 * with the contents, so neither can be changed unnoticed; the schema can be read (and a backup
 * from a newer server refused) without the passphrase.
 */
const MAGIC = 'PORTICO-BACKUP 1\n';
const TAG_BYTES = 16;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export const BackupHeader = z.object({
  format: z.literal(1),
  createdAt: z.number().int(),
  serverVersion: z.string().max(64),
  schemaVersion: z.number().int().min(0),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: z.string() }),
  entries: z
    .array(
      z.object({
        name: z
          .string()
          .regex(/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/)
          .max(200),
        bytes: z.number().int().min(0),
        sha256: z.string().length(64),
      }),
    )
    .min(1)
    .max(64),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

/** A backup that cannot be used, with the reason in words an operator acts on. */
export class BackupRefused extends Error {}

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

function readAt(file: string, position: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const endStream = (stream: WriteStream) =>
  new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });

/** Writes `files` into one encrypted backup file (mode 0600). */
export async function writeArchive(
  out: string,
  files: readonly { name: string; path: string }[],
  meta: { createdAt: number; serverVersion: string; schemaVersion: number },
  passphrase: string,
): Promise<BackupHeader> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = BackupHeader.parse({
    format: 1,
    ...meta,
    kdf: { name: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
    entries: await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: statSync(f.path).size, sha256: await sha256Of(f.path) })),
    ),
  });
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  cipher.setAAD(head);
  const output = createWriteStream(out, { mode: 0o600 });
  output.write(head);
  async function* plaintext() {
    for (const file of files) for await (const chunk of createReadStream(file.path)) yield chunk as Buffer;
  }
  await pipeline(plaintext, cipher, output, { end: false });
  output.write(cipher.getAuthTag());
  await endStream(output);
  return header;
}

/** The header alone, readable without the passphrase. */
export function readHeader(file: string): { header: BackupHeader; headBytes: number } {
  const text = readAt(file, 0, 64 * 1024).toString('utf8');
  if (!text.startsWith(MAGIC)) throw new BackupRefused(`${file} is not a Portico backup`);
  const end = text.indexOf('\n', MAGIC.length);
  if (end === -1) throw new BackupRefused(`${file} is damaged: its header is incomplete`);
  let json: unknown;
  try {
    json = JSON.parse(text.slice(MAGIC.length, end));
  } catch {
    throw new BackupRefused(`${file} is damaged: its header is not readable`);
  }
  const parsed = BackupHeader.safeParse(json);
  if (!parsed.success) throw new BackupRefused(`${file} has a header this server does not understand`);
  return { header: parsed.data, headBytes: Buffer.byteLength(text.slice(0, end + 1)) };
}

/**
 * Decrypts every entry to `target(name)`, checking each one's SHA-256 and, at the end, GCM's tag:
 * a wrong passphrase or any changed byte fails. The caller extracts into a scratch folder and
 * moves the files into place only when this resolves.
 */
export async function extractArchive(file: string, passphrase: string, target: (name: string) => string): Promise<BackupHeader> {
  const { header, headBytes } = readHeader(file);
  const total = statSync(file).size;
  const expected = header.entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total - headBytes - TAG_BYTES !== expected)
    throw new BackupRefused(`${file} is damaged: it is ${total} bytes, not what its header says`);
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  decipher.setAAD(readAt(file, 0, headBytes));
  decipher.setAuthTag(readAt(file, total - TAG_BYTES, TAG_BYTES));

  const entries = header.entries;
  let index = 0;
  let written = 0;
  let hash = createHash('sha256');
  let out: WriteStream | null = createWriteStream(target(entries[0]!.name), { mode: 0o600 });
  const finishEntry = async () => {
    const entry = entries[index]!;
    await endStream(out!);
    if (hash.digest('hex') !== entry.sha256) throw new BackupRefused(`${entry.name} in the backup does not match its checksum`);
    index += 1;
    written = 0;
    hash = createHash('sha256');
    out = index < entries.length ? createWriteStream(target(entries[index]!.name), { mode: 0o600 }) : null;
  };
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => out!.write(chunk, (error) => (error ? reject(error) : resolve())));
  try {
    const source = createReadStream(file, { start: headBytes, end: total - TAG_BYTES - 1 });
    for await (const decrypted of source.pipe(decipher) as AsyncIterable<Buffer>) {
      let chunk = decrypted;
      while (chunk.length > 0) {
        while (out && entries[index]!.bytes === written) await finishEntry();
        if (!out) throw new BackupRefused(`${file} holds more than its header lists`);
        const part = chunk.subarray(0, entries[index]!.bytes - written);
        hash.update(part);
        await write(part);
        written += part.length;
        chunk = chunk.subarray(part.length);
      }
    }
    while (out) await finishEntry();
  } catch (error) {
    out?.destroy();
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused('the backup key is wrong, or the backup file was changed after it was written');
  }
  return header;
}

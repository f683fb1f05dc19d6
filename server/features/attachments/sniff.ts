/** File types Portico accepts as attachments, recognised by their bytes, not by the name a client sends. */
export const acceptedTypes = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
} as const;
export type AcceptedExtension = keyof typeof acceptedTypes;

const startsWith = (data: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

function looksLikeText(data: Uint8Array): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

const signatures: Record<AcceptedExtension, (data: Uint8Array) => boolean> = {
  pdf: (d) => startsWith(d, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  png: (d) => startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  jpeg: (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  gif: (d) => startsWith(d, [0x47, 0x49, 0x46, 0x38]),
  webp: (d) => startsWith(d, [0x52, 0x49, 0x46, 0x46]) && startsWith(d, [0x57, 0x45, 0x42, 0x50], 8),
  // Office Open XML files are ZIP archives.
  docx: (d) => startsWith(d, [0x50, 0x4b, 0x03, 0x04]),
  xlsx: (d) => startsWith(d, [0x50, 0x4b, 0x03, 0x04]),
  pptx: (d) => startsWith(d, [0x50, 0x4b, 0x03, 0x04]),
  txt: looksLikeText,
  csv: looksLikeText,
};

export type SniffResult = { ok: true; mediaType: string } | { ok: false; reason: 'unsupported_extension' | 'content_mismatch' };

/** The file's extension must be accepted and its first bytes must match it. */
export function sniffAttachment(name: string, data: Uint8Array): SniffResult {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (!Object.hasOwn(acceptedTypes, extension)) return { ok: false, reason: 'unsupported_extension' };
  const key = extension as AcceptedExtension;
  return signatures[key](data) ? { ok: true, mediaType: acceptedTypes[key] } : { ok: false, reason: 'content_mismatch' };
}

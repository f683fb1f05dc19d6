import { MAX_UPLOAD_BYTES } from '../../shared/bridge/contract.ts';
import type { AttachmentRef } from '../../shared/domain/approvals/request.ts';
import { portico } from '../bridge/portico.ts';

export interface UploadProblem {
  name: string;
  /** `too_large` is refused here, before any upload; the rest are the server's codes. */
  code: string;
  message: string;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Uploads files one after another through core (the server checks type and size again); each caller
 * words the problems its own way. `busy` hears +1 when an upload starts and -1 when it ends.
 */
export async function uploadFiles(
  files: readonly File[],
  busy: (delta: 1 | -1) => void = () => undefined,
): Promise<{ added: AttachmentRef[]; problems: UploadProblem[] }> {
  const added: AttachmentRef[] = [];
  const problems: UploadProblem[] = [];
  for (const file of files) {
    if (file.size > MAX_UPLOAD_BYTES) {
      problems.push({ name: file.name, code: 'too_large', message: '' });
      continue;
    }
    busy(1);
    try {
      const outcome = await portico.call('approvals.upload', { name: file.name, base64: await toBase64(file) });
      if (outcome.ok) added.push(outcome.attachment);
      else problems.push({ name: file.name, code: outcome.code, message: outcome.message });
    } finally {
      busy(-1);
    }
  }
  return { added, problems };
}

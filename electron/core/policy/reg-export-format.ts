/**
 * Reads the text of a `reg export` file (REGEDIT5: "Windows Registry Editor Version 5.00", written
 * by reg.exe as UTF-16LE). Unlike `reg query` output, which reg.exe prints in the console's code
 * page (a Chinese program path arrives as "??" through a pipe), an export file carries every
 * character, so policy values are read from it.
 */
export type RegistryData = string | number | readonly string[] | { unsupportedType: string };

export interface RegistryValue {
  /** The key as reg prints it, e.g. `HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Portico`. */
  key: string;
  /** `@` is the key's default value. */
  name: string;
  data: RegistryData;
}

const HEX_TYPES: Record<string, string> = {
  '0': 'REG_NONE',
  '2': 'REG_EXPAND_SZ',
  '3': 'REG_BINARY',
  '4': 'REG_DWORD',
  '5': 'REG_DWORD_BIG_ENDIAN',
  '6': 'REG_LINK',
  '7': 'REG_MULTI_SZ',
  b: 'REG_QWORD',
};

/** Decodes the bytes of an export file: UTF-16LE with a byte-order mark, as reg.exe writes it. */
export function decodeRegExport(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Joins the lines a long hex value is wrapped over (`\` at the end, the next line indented). */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = pending ? pending + raw.trimStart() : raw;
    if (/^"|^@/.test(line) && /,\\$/.test(line)) {
      pending = line.slice(0, -1);
      continue;
    }
    pending = '';
    lines.push(line);
  }
  if (pending) lines.push(pending);
  return lines;
}

/** A quoted string from `start` (the opening quote): its text and where it ends, or null. */
function readQuoted(line: string, start: number): { text: string; end: number } | null {
  let text = '';
  for (let i = start + 1; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\' && i + 1 < line.length) {
      text += line[++i];
    } else if (char === '"') {
      return { text, end: i + 1 };
    } else {
      text += char;
    }
  }
  return null;
}

function utf16Strings(bytes: number[]): string[] {
  const text = new TextDecoder('utf-16le').decode(Uint8Array.from(bytes));
  return text.split('\0');
}

function decodeData(data: string): RegistryData | undefined {
  if (data.startsWith('"')) return readQuoted(data, 0)?.text;
  const dword = /^dword:([0-9a-fA-F]{8})$/.exec(data);
  if (dword) return Number.parseInt(dword[1]!, 16);
  const hex = /^hex(?:\(([0-9a-fA-F]+)\))?:(.*)$/.exec(data);
  if (!hex) return undefined;
  const bytes = hex[2]!.trim() === '' ? [] : hex[2]!.split(',').map((b) => Number.parseInt(b.trim(), 16));
  if (bytes.some((b) => Number.isNaN(b) || b < 0 || b > 255)) return undefined;
  const type = HEX_TYPES[(hex[1] ?? '3').toLowerCase()] ?? `REG_${hex[1]}`;
  switch (type) {
    case 'REG_EXPAND_SZ':
      return utf16Strings(bytes)[0] ?? '';
    case 'REG_MULTI_SZ':
      return utf16Strings(bytes).filter(Boolean);
    case 'REG_QWORD':
      return bytes.length === 8 ? Number(Buffer.from(bytes).readBigUInt64LE()) : { unsupportedType: type };
    default:
      return { unsupportedType: type };
  }
}

/** Every value under every key of an export, in file order. Lines it cannot read are skipped. */
export function parseRegExport(text: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  let key = '';
  for (const line of logicalLines(text)) {
    if (line.startsWith('[')) {
      key = line.endsWith(']') && !line.startsWith('[-') ? line.slice(1, -1) : '';
      continue;
    }
    if (!key) continue;
    let name: string;
    let rest: string;
    if (line.startsWith('@=')) {
      name = '@';
      rest = line.slice(2);
    } else if (line.startsWith('"')) {
      const quoted = readQuoted(line, 0);
      if (!quoted || line[quoted.end] !== '=') continue;
      name = quoted.text;
      rest = line.slice(quoted.end + 1);
    } else {
      continue;
    }
    const data = decodeData(rest);
    if (data !== undefined) values.push({ key, name, data });
  }
  return values;
}

import { z } from 'zod';

/**
 * Text people type, checked where it enters (the shared schemas), so both sides refuse the same.
 *
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make a
 * name lie about itself: "invoice\u202Efdp.txt" shows as "invoicetxt.pdf". Nobody types them on
 * purpose (the marks U+200E/U+200F that Hebrew text may need stay allowed). C0 controls other than
 * tab and line breaks have no place in text either.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole purpose
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;

export const bidiRefusal = 'direction-override characters (U+202A–U+202E, U+2066–U+2069) are not allowed';

/** Whether text is free of controls that could disguise it; `singleLine` also refuses line breaks. */
export function isPlainText(text: string, singleLine = false): boolean {
  return !BIDI_CONTROLS.test(text) && !CONTROLS.test(text) && !(singleLine && LINE_BREAKS.test(text));
}

/** A message, a comment, a description: several lines, no disguise. */
export const userText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => isPlainText(text), bidiRefusal);

/** A name (a file, a tool, a title): one line, no disguise. */
export const nameText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => isPlainText(text, true), `${bidiRefusal}, nor line breaks or control characters`);

/** A search box: whatever was typed, less the characters that mean nothing to a search (NUL threw in SQLite's FTS). */
export const searchQuery = (max: number) =>
  z
    .string()
    .max(max)
    .transform((text) => text.replace(new RegExp(`${CONTROLS.source}|${BIDI_CONTROLS.source}`, 'g'), ''));

/**
 * Where, in a parsed request, a string carries direction-override characters: the path (`values.reason`),
 * or null. The server refuses such a request whatever its schema says, so no field can be forgotten.
 */
export function disguisedPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return BIDI_CONTROLS.test(value) ? path || '(value)' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = disguisedPath(child, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

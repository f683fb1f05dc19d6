/**
 * Pseudo-localisation: a development language made from English that looks translated (every
 * letter accented), is 40 % longer (the length of Russian or German UI text), reads right to left,
 * and marks each string it produced with ⟦ ⟧. Text on screen without the marks did not pass
 * through i18n; text cut short or overlapping shows where a real long language would break.
 */
export const PSEUDO_LANGUAGE = 'en-XA'; // Android's name for its accented pseudo-locale; i18next keeps it as written

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Placeholders, nesting and tags pass through untouched: i18next must still find them. */
const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]+>)/;

const EXPANSION = 0.4;
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoLocalize(text: string): string {
  if (text === '') return text;
  const parts = text.split(PROTECTED);
  let letters = 0;
  const accented = parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      letters += part.length;
      return [...part].map((ch) => ACCENTED[ch] ?? ch).join('');
    })
    .join('');
  const padding = '·'.repeat(Math.ceil(letters * EXPANSION));
  return `${PSEUDO_OPEN}${accented}${padding}${PSEUDO_CLOSE}`;
}

type Catalog = { [key: string]: string | Catalog };

/** The whole English catalog, pseudo-localised key by key (plural forms included). */
export function pseudoCatalog(english: Catalog): Catalog {
  return Object.fromEntries(
    Object.entries(english).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoLocalize(value) : pseudoCatalog(value),
    ]),
  );
}

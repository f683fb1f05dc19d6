import { pinyin } from 'pinyin-pro';
import type { DirectoryPerson } from '../../../shared/protocol/methods.ts';

const HAN = /\p{Script=Han}/u;
const cache = new Map<string, { pinyin: string; initials: string }>();

/**
 * Adds the pinyin of Chinese names ("张伟" → "zhangwei", "zw"), so people are found by typing Latin
 * letters. Done on the server with pinyin-pro (its dictionary would weigh on the renderer's bundle).
 */
export function peopleWithPinyin(people: readonly Omit<DirectoryPerson, 'pinyin' | 'initials'>[]): DirectoryPerson[] {
  return people.map((person) => ({ ...person, ...pinyinOf(person.name) }));
}

export function pinyinOf(name: string): { pinyin: string; initials: string } {
  if (!HAN.test(name)) return { pinyin: '', initials: '' };
  let hit = cache.get(name);
  if (!hit) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true });
    hit = { pinyin: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
    if (cache.size > 50_000) cache.clear();
    cache.set(name, hit);
  }
  return hit;
}

/**
 * Hands out the phrase that tells a municipality's locations apart, never the same one twice in
 * a municipality. A municipality with few locations gets single words ("Lindenhof") or one of
 * its villages ("Dokkum"); one with many gets district + word ("Noord Lindenhof"), and then only
 * those, so that no location's name is contained in another's (a one-word phrase inside a
 * two-word one would make two steunpunten look like one).
 */
import { normaliseKey } from '../../../pipeline/normalise/text-key.ts';
import { shuffled, type Random } from './random.ts';
import { alike, DISTRICTS } from './vocabulary.ts';

/** Above this many locations a municipality switches from single words to district + word. */
export const SINGLE_WORD_LIMIT = 250;
const VILLAGE_SHARE = 0.25;

export interface Phrase {
  text: string;
  /** Set when the phrase is a village of the municipality: the location lies there. */
  village?: string;
}

export interface PhraseAllocator {
  /** The next free phrase; a village only when `villageAllowed`. */
  next(villageAllowed: boolean): Phrase;
}

export function createPhraseAllocator(
  words: readonly string[],
  villages: readonly string[],
  expectedLocations: number,
  random: Random,
): PhraseAllocator {
  return expectedLocations <= SINGLE_WORD_LIMIT ? singleWords(words, villages, random) : districtWords(words, random);
}

function singleWords(words: readonly string[], villages: readonly string[], random: Random): PhraseAllocator {
  const pool = shuffled(words, random);
  const villagePool = shuffled(villages, random);
  const usedKeys: string[] = [];
  const free = (text: string) => {
    const keys = tokens(text);
    return keys.every((key) => !usedKeys.some((used) => alike(key, used)));
  };
  const take = (text: string) => usedKeys.push(...tokens(text));
  return {
    next(villageAllowed) {
      if (villageAllowed && villagePool.length > 0 && random.chance(VILLAGE_SHARE)) {
        while (villagePool.length > 0) {
          const village = villagePool.pop()!;
          if (!free(village)) continue;
          take(village);
          return { text: village, village };
        }
      }
      while (pool.length > 0) {
        const word = pool.pop()!;
        if (!free(word)) continue;
        take(word);
        return { text: word };
      }
      throw new Error('phrase words exhausted in a municipality; raise SINGLE_WORD_LIMIT handling');
    },
  };
}

function districtWords(words: readonly string[], random: Random): PhraseAllocator {
  const order = shuffled(
    Array.from({ length: DISTRICTS.length * words.length }, (_, index) => index),
    random,
  );
  return {
    next() {
      const index = order.pop();
      if (index === undefined) throw new Error(`more than ${DISTRICTS.length * words.length} locations in one municipality`);
      const district = DISTRICTS[index % DISTRICTS.length]!;
      const word = words[Math.floor(index / DISTRICTS.length)]!;
      // "De Brug Noord", but "Noord Lindenhof" (as "EDplaats Noord Molenwijk").
      return { text: /^(de|het) /i.test(word) ? `${word} ${district}` : `${district} ${word}` };
    },
  };
}

function tokens(text: string): string[] {
  return normaliseKey(text)
    .split(' ')
    .filter((token) => token.length > 0 && token !== 'de' && token !== 'het');
}

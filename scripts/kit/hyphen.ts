// Indonesian hyphenation by syllable (PUEBI's pemenggalan kata, by spelling): Chromium has no
// Indonesian dictionary, so where a word must break, soft hyphens mark where it may. Pure.

/** U+00AD: invisible unless the line breaks there, then printed as a hyphen. */
export const SOFT_HYPHEN = '\u00ad';

const VOWEL = /[aiueo]/i;
/** Two letters written for one sound: never split. */
const DIGRAPH = /^(ng|ny|sy|kh)$/i;
/** Diphthongs stay in one syllable. */
const DIPHTHONG = /^(ai|au|oi|ei)$/i;
/** Letters kept on each side of a break ("Pe-", "-kan"). */
const MIN_LEFT = 2;
const MIN_RIGHT = 3;

/**
 * Indices of `word` before which it may break: between vowels (not a diphthong), before the
 * last consonant between two vowels (ba-ca, ban-tu, in-stru-men), digraphs kept whole, at least
 * MIN_LEFT letters before and `minRight` after. Only words of letters are broken.
 */
export function syllableBreaks(word: string, minRight: number = MIN_RIGHT): number[] {
  if (!/^\p{L}+$/u.test(word) || word.length < MIN_LEFT + minRight) return [];
  // Units: a vowel, a digraph or a single consonant, with their start index.
  const units: Array<{ at: number; text: string; vowel: boolean }> = [];
  for (let i = 0; i < word.length; ) {
    const two = word.slice(i, i + 2);
    const text = two.length === 2 && DIGRAPH.test(two) ? two : word[i]!;
    units.push({ at: i, text, vowel: VOWEL.test(text) });
    i += text.length;
  }
  const breaks: number[] = [];
  let prevVowel = -1;
  units.forEach((u, k) => {
    if (!u.vowel) return;
    if (prevVowel >= 0) {
      const consonants = k - prevVowel - 1;
      if (consonants === 0) {
        if (!DIPHTHONG.test(units[prevVowel]!.text + u.text)) breaks.push(u.at);
      } else {
        // One consonant opens the next syllable; of more, all but the first do.
        breaks.push(units[consonants === 1 ? prevVowel + 1 : prevVowel + 2]!.at);
      }
    }
    prevVowel = k;
  });
  return breaks.filter((b) => b >= MIN_LEFT && word.length - b >= minRight);
}

/** The pieces `word` may break into (the whole word when it has no break). */
export function syllables(word: string): string[] {
  const at = [0, ...syllableBreaks(word), word.length];
  return at.slice(1).map((end, i) => word.slice(at[i], end));
}

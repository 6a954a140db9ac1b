/**
 * Number words and digits → numbers, shared by the timex and quantity taggers.
 * The regex sources are meant to be embedded in larger precompiled patterns.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

/** Words that stand for an unspecified number ("several years" → PXY). */
export const VAGUE_NUMBER = String.raw`(?:a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|few|several|some|many|a\s+number\s+of|numerous|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of)`;

const UNIT_WORDS = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
const TENS_WORDS = Object.keys(TENS).join('|');

/** A number written in words, up to the scales ("twenty-four", "two hundred", "five million"). */
export const WORD_NUMBER = String.raw`(?:half\s+an?\s+(?:dozen|hundred|thousand|million|billion|trillion)|(?:(?:${TENS_WORDS})(?:[\s-](?:${UNIT_WORDS}))?|${UNIT_WORDS}|a|an)(?:\s+(?:hundred|thousand|million|billion|trillion))*(?:\s+and\s+a\s+half)?)`;

/** Digits with thousands separators or decimals, optionally a fraction ("5 1/2"). */
export const DIGIT_NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s+1\/2)?)`;

/** Any definite number. */
export const NUMBER = String.raw`(?:${DIGIT_NUMBER}|${WORD_NUMBER})`;

/** Parses a number matched by NUMBER (words or digits); undefined when not definite. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d/.test(s)) {
    const half = s.endsWith(' 1/2') ? 0.5 : 0;
    const n = Number(s.replace(/ 1\/2$/, '').replace(/,/g, ''));
    return Number.isFinite(n) ? n + half : undefined;
  }
  // "half a million"
  const half = /^half an? (dozen|hundred|thousand|million|billion|trillion)$/.exec(s);
  if (half) return half[1] === 'dozen' ? 6 : SCALES[half[1]] / 2;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of s.replace(/ and a half$/, '').split(/[\s-]+/)) {
    if (w === 'a' || w === 'an') {
      current += 1;
      seen = true;
    } else if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (w in TENS) {
      current += TENS[w];
      seen = true;
    } else if (w in SCALES) {
      const scale = SCALES[w];
      if (current === 0) current = 1;
      if (scale === 100) current *= scale;
      else {
        total += current * scale;
        current = 0;
      }
      seen = true;
    } else if (w === 'and') {
      continue;
    } else {
      return undefined;
    }
  }
  if (!seen) return undefined;
  return total + current + (s.endsWith(' and a half') ? 0.5 : 0);
}
